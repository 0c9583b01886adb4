package id.lapor.http;

import id.lapor.core.access.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Who is calling the officer API. The default, {@link ApiKeyCallerResolver}, maps hashed API keys from
 * configuration to officers; a host with single sign-on plugs in its own (read its session or a
 * verified token, and return the officer's role, id and unit).
 *
 * <p>Every command and read is then checked by lapor against the actor's role and scope: a resolver
 * only says who the caller is, never what they may do.
 */
@FunctionalInterface
public interface CallerResolver {

    /**
     * The actor making {@code request}; empty when it carries no credentials this resolver accepts, and
     * the API answers 401. Must not throw for bad credentials, and must not log secrets.
     */
    Optional<Actor> resolve(HttpServletRequest request);
}
