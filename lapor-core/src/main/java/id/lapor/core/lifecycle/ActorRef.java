package id.lapor.core.lifecycle;

import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.directory.UnitId;
import java.util.Objects;
import java.util.Optional;

/** Who did something, as recorded in the history: role, id and unit; never a secret or personal data. */
public record ActorRef(Role role, String id, Optional<UnitId> unit) {
    public ActorRef {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
    }

    public static ActorRef of(Actor actor) {
        return new ActorRef(actor.role(), actor.id(), actor.unit());
    }
}
