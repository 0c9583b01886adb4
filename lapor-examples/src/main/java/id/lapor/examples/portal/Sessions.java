package id.lapor.examples.portal;

import id.lapor.core.access.Actor;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Officers signed in to the portal: a random session id (the cookie) names the officer their API key resolved
 * to, and a token every form of theirs must carry back (so another site cannot make their browser act). The key
 * itself is not kept. Sessions end after {@link #LIFETIME} or at sign-out, and live in memory: a restart signs
 * everyone out.
 */
final class Sessions {
    static final Duration LIFETIME = Duration.ofHours(8);
    private static final int MAX = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    record Session(String id, Actor actor, String formToken, Instant expires) {
        boolean acceptsForm(String token) {
            return token != null && MessageDigest.isEqual(formToken.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    Session open(Actor actor) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX) {
            sessions.values().removeIf(s -> !s.expires().isAfter(now));
            if (sessions.size() >= MAX) {
                sessions.clear();
            }
        }
        Session s = new Session(token(), actor, token(), now.plus(LIFETIME));
        sessions.put(s.id(), s);
        return s;
    }

    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (!s.expires().isAfter(clock.instant())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
