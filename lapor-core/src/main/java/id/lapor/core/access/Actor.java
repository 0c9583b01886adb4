package id.lapor.core.access;

import id.lapor.core.directory.UnitId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking: a role, an id for the history (an officer's login, "system:sla"), the unit an officer
 * belongs to (their scope is that unit and everything below it), and for a reporter the secret they
 * present. {@link #toString()} never prints the secret.
 */
public final class Actor {
    private final Role role;
    private final String id;
    private final UnitId unit;
    private final String secret;

    private Actor(Role role, String id, UnitId unit, String secret) {
        this.role = Objects.requireNonNull(role, "role");
        this.id = Objects.requireNonNull(id, "id");
        this.unit = unit;
        this.secret = secret;
    }

    /** An officer of {@code unit}: verifier, unit operator, liaison officer, supervisor or auditor. */
    public static Actor officer(Role role, String id, UnitId unit) {
        if (role == Role.REPORTER || role == Role.SYSTEM || role == Role.PUBLIC) {
            throw new IllegalArgumentException(role + " is not an officer role");
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an officer needs an id");
        }
        return new Actor(role, id, Objects.requireNonNull(unit, "an officer belongs to a unit"), null);
    }

    /** The reporter, proving themself with the secret they were given (a PIN, or the reporting phone). */
    public static Actor reporter(String secret) {
        return new Actor(Role.REPORTER, "reporter", null, secret);
    }

    /** A reporter who has not (yet) proven anything, e.g. while submitting. */
    public static Actor newReporter() {
        return new Actor(Role.REPORTER, "reporter", null, null);
    }

    public static Actor system(String component) {
        return new Actor(Role.SYSTEM, "system:" + component, null, null);
    }

    public static Actor publicVisitor() {
        return new Actor(Role.PUBLIC, "public", null, null);
    }

    public Role role() {
        return role;
    }

    public String id() {
        return id;
    }

    public Optional<UnitId> unit() {
        return Optional.ofNullable(unit);
    }

    /** The secret a reporter presented; empty for everyone else. */
    public Optional<String> secret() {
        return Optional.ofNullable(secret);
    }

    @Override
    public String toString() {
        return "Actor[" + role + " " + id + (unit == null ? "" : " of " + unit) + "]";
    }
}
