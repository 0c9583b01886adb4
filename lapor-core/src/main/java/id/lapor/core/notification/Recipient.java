package id.lapor.core.notification;

import id.lapor.core.directory.UnitId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a message is for. Addresses (phone, e-mail, webhook) are resolved by the relay when it delivers,
 * so the outbox holds no personal data.
 */
public record Recipient(Kind kind, Optional<UnitId> unit) {
    public Recipient {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        if ((kind == Kind.UNIT || kind == Kind.SUPERVISOR) != unit.isPresent()) {
            throw new IllegalArgumentException(kind + (unit.isPresent() ? " takes no unit" : " needs a unit"));
        }
    }

    public enum Kind {
        REPORTER, UNIT, SUPERVISOR, VERIFIERS, NATIONAL_MANAGER, OMBUDSMAN
    }

    public static Recipient reporter() {
        return new Recipient(Kind.REPORTER, Optional.empty());
    }

    public static Recipient unit(UnitId unit) {
        return new Recipient(Kind.UNIT, Optional.of(unit));
    }

    public static Recipient supervisor(UnitId supervisor) {
        return new Recipient(Kind.SUPERVISOR, Optional.of(supervisor));
    }

    public static Recipient of(Kind kind) {
        return new Recipient(kind, Optional.empty());
    }

    /** A short stable key, part of the message id: {@code reporter}, {@code unit:dinas-pu}. */
    public String key() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + unit.map(u -> ":" + u).orElse("");
    }
}
