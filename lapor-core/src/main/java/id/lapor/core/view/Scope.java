package id.lapor.core.view;

import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.directory.Directory;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Complaint;
import java.util.Optional;

/**
 * Which complaints an actor may see and act on. An officer's scope is their unit and every unit below
 * it; a reporter's is the complaint whose secret they hold.
 */
public final class Scope {
    private final Directory directory;

    public Scope(Directory directory) {
        this.directory = directory;
    }

    /** True when the actor may see {@code c} at all (whatever parts of it their role may read). */
    public boolean canSee(Actor actor, Complaint c) {
        switch (actor.role()) {
            case PUBLIC:
            case AUDITOR:
                return !c.confidential();
            default:
                return covers(actor, c);
        }
    }

    /** True when the complaint lies within the actor's scope for acting on it. */
    public boolean covers(Actor actor, Complaint c) {
        switch (actor.role()) {
            case SYSTEM:
                return true;
            case REPORTER:
                return isReporter(actor, c);
            case VERIFIER:
                return verifierCovers(actor.unit().orElseThrow(), c);
            case UNIT_OPERATOR:
            case LIAISON_OFFICER:
            case SUPERVISOR:
                return c.responsibleUnit().map(u -> directory.isWithin(u, actor.unit().orElseThrow())).orElse(false);
            default:
                return false;
        }
    }

    /** True when the actor presented the complaint's secret. */
    public boolean isReporter(Actor actor, Complaint c) {
        return actor.role() == Role.REPORTER && actor.secret().map(s -> c.secret().matches(s)).orElse(false);
    }

    /** True when the actor may read the reporter's name and contact. */
    public boolean canSeeReporter(Actor actor, Complaint c) {
        switch (actor.role()) {
            case SYSTEM:
            case REPORTER:
            case VERIFIER:
                return covers(actor, c);
            case UNIT_OPERATOR:
            case LIAISON_OFFICER:
            case SUPERVISOR:
                return !c.anonymous() && covers(actor, c);
            default:
                return false;
        }
    }

    /** True when {@code unit} lies within the actor's own unit (officers only). */
    public boolean unitWithin(Actor actor, UnitId unit) {
        return actor.unit().map(own -> directory.isWithin(unit, own)).orElse(false);
    }

    private boolean verifierCovers(UnitId verifierUnit, Complaint c) {
        Optional<UnitId> where = c.responsibleUnit().or(c::targetInstitution);
        if (where.isPresent()) {
            return directory.isWithin(where.get(), verifierUnit);
        }
        // Not yet routed anywhere: the verifiers of the region it comes from take it, and the
        // coordinators at the top of the hierarchy see all of them.
        return directory.find(verifierUnit)
                .map(u -> u.parent().isEmpty() || u.region().map(r -> c.location().region().isWithin(r)).orElse(false))
                .orElse(false);
    }
}
