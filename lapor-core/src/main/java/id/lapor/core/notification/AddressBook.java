package id.lapor.core.notification;

import id.lapor.core.directory.UnitId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the officers' side is told: the addresses of a unit, a supervising unit, the verifiers, the
 * national manager and the Ombudsman. Supplied by the host (from its staff directory, a settings table,
 * a file). The reporter is not in it: the relay reads the reporter's contact from the complaint.
 *
 * <p>An empty list means "no one to tell": the relay parks such a message, visible to an operator.
 */
@FunctionalInterface
public interface AddressBook {

    /** The addresses of {@code recipient}, never null; not asked for {@link Recipient.Kind#REPORTER}. */
    List<Address> addressesOf(Recipient recipient);

    /** A book that knows no one. */
    static AddressBook none() {
        return recipient -> List.of();
    }

    static Builder builder() {
        return new Builder();
    }

    /** A fixed book, e.g. read from configuration at start-up. */
    final class Builder {
        private final Map<UnitId, List<Address>> units = new HashMap<>();
        private final Map<Recipient.Kind, List<Address>> roles = new EnumMap<>(Recipient.Kind.class);

        private Builder() {
        }

        /** A unit's addresses, used when it is told as the responsible unit and as a supervisor. */
        public Builder unit(UnitId unit, Address... addresses) {
            units.computeIfAbsent(Objects.requireNonNull(unit, "unit"), u -> new ArrayList<>()).addAll(List.of(addresses));
            return this;
        }

        /** The addresses of the verifiers, the national manager or the Ombudsman. */
        public Builder role(Recipient.Kind kind, Address... addresses) {
            if (kind == Recipient.Kind.REPORTER || kind == Recipient.Kind.UNIT || kind == Recipient.Kind.SUPERVISOR) {
                throw new IllegalArgumentException(kind + " is addressed per complaint or per unit, not as a role");
            }
            roles.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(List.of(addresses));
            return this;
        }

        public AddressBook build() {
            Map<UnitId, List<Address>> u = new HashMap<>();
            units.forEach((k, v) -> u.put(k, List.copyOf(v)));
            Map<Recipient.Kind, List<Address>> r = new EnumMap<>(Recipient.Kind.class);
            roles.forEach((k, v) -> r.put(k, List.copyOf(v)));
            return recipient -> recipient.unit().isPresent()
                    ? u.getOrDefault(recipient.unit().get(), List.of())
                    : r.getOrDefault(recipient.kind(), List.of());
        }
    }
}
