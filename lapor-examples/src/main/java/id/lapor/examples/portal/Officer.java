package id.lapor.examples.portal;

import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.directory.Directory;
import id.lapor.core.directory.UnitId;
import java.util.Locale;
import java.util.Objects;

/**
 * A demo officer: the API key they present (to the officer API as {@code Authorization: Bearer <key>}, to the
 * portal once per session), their role and unit. Written {@code KEY=ROLE@UNIT}, as on the command line
 * ({@code --officer-key}) and in the data folder's {@code officers.properties}.
 */
record Officer(String key, Role role, UnitId unit) {
    static final int MIN_KEY_LENGTH = 16;

    Officer {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(unit, "unit");
        if (key.length() < MIN_KEY_LENGTH || key.length() > 200 || !key.matches("[A-Za-z0-9._~-]+")) {
            throw new IllegalArgumentException("an officer key must be " + MIN_KEY_LENGTH
                    + " to 200 letters, digits or . _ ~ -");
        }
        if (role == Role.REPORTER || role == Role.SYSTEM || role == Role.PUBLIC) {
            throw new IllegalArgumentException(role + " is not an officer role; one of VERIFIER, UNIT_OPERATOR,"
                    + " LIAISON_OFFICER, SUPERVISOR, AUDITOR");
        }
    }

    /** Parses {@code KEY=ROLE@UNIT}; the message of the exception says what is wrong, never echoing the key. */
    static Officer parse(String text) {
        int eq = text.indexOf('=');
        int at = text.lastIndexOf('@');
        if (eq < 1 || at < eq + 2 || at == text.length() - 1) {
            throw new IllegalArgumentException("expected KEY=ROLE@UNIT, e.g. my-secret-key-123456=VERIFIER@kota-palangkaraya");
        }
        Role role;
        try {
            role = Role.valueOf(text.substring(eq + 1, at).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + text.substring(eq + 1, at).strip()
                    + "'; one of VERIFIER, UNIT_OPERATOR, LIAISON_OFFICER, SUPERVISOR, AUDITOR");
        }
        return new Officer(text.substring(0, eq).strip(), role, UnitId.of(text.substring(at + 1).strip()));
    }

    /** The id lapor records in histories, e.g. {@code verifier@kota-palangkaraya}. */
    String id() {
        return role.name().toLowerCase(Locale.ROOT) + "@" + unit.value();
    }

    Actor actor() {
        return Actor.officer(role, id(), unit);
    }

    /** @throws IllegalArgumentException when the unit is not in the directory */
    Officer checkedAgainst(Directory directory) {
        if (!directory.contains(unit)) {
            throw new IllegalArgumentException("officer " + id() + ": unit " + unit + " is not in the directory");
        }
        return this;
    }

    String written() {
        return key + "=" + role + "@" + unit.value();
    }

    @Override
    public String toString() {
        return "Officer[" + id() + "]";
    }
}
