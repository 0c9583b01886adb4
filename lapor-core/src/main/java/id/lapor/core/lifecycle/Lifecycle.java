package id.lapor.core.lifecycle;

import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.CategoryCatalogue;
import id.lapor.core.complaint.Priority;
import id.lapor.core.directory.Directory;
import id.lapor.core.directory.UnitId;
import id.lapor.core.sla.EscalationAction;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what a command does to a complaint: the {@link Transitions} table says whether the role may
 * give it in this state and where it leads; the few rules of the domain that depend on the complaint
 * (forward only downwards, rate once, units that exist) are checked here. Pure: no store, no clock.
 * Whether the actor's scope covers the complaint is checked by the caller before.
 */
public final class Lifecycle {
    private final Directory directory;
    private final CategoryCatalogue categories;

    public Lifecycle(Directory directory, CategoryCatalogue categories) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.categories = Objects.requireNonNull(categories, "categories");
    }

    /** The outcome of deciding one command: an event and the state it leads to, or a refusal. */
    public sealed interface Decision {
        record Accept(Event event, State next) implements Decision {
        }

        record Refuse(Refusal refusal) implements Decision {
        }
    }

    public Decision decide(Complaint c, Actor actor, Command command) {
        State state = c.state();
        Role role = actor.role();
        CommandKind kind = command.type();
        Optional<Transition> row = Transitions.find(state, kind, role);
        if (row.isEmpty()) {
            if (!Transitions.isLegal(state, kind)) {
                return refuse(Refusal.Reason.ILLEGAL_IN_STATE, c, actor, command,
                        "no one may " + kind + " in state " + state);
            }
            return refuse(Refusal.Reason.ROLE_NOT_ALLOWED, c, actor, command,
                    "in state " + state + " only " + rolesFor(state, kind) + " may " + kind);
        }
        boolean approval = c.responsibleUnit().map(directory::followUpNeedsApproval).orElse(false);
        State next = row.get().next(c.heldFrom().orElse(null), approval);
        return ruleCheck(c, actor, command, next);
    }

    private Decision ruleCheck(Complaint c, Actor actor, Command command, State next) {
        if (command instanceof Command.Verify v) {
            UnitId unit = v.unit() != null ? v.unit() : c.routedUnit().orElse(null);
            if (unit == null) {
                return rule(c, actor, command, "the routing rules chose no unit for this complaint; name the unit to dispatch to");
            }
            if (!directory.contains(unit)) {
                return rule(c, actor, command, "unit " + unit + " is not in the directory");
            }
            if (v.category() != null && !categories.contains(v.category())) {
                return rule(c, actor, command, "category " + v.category() + " is not in the catalogue");
            }
            return accept(new Event.Verified(unit, v.weight(), v.kind() == null ? c.kind() : v.kind(),
                    v.title() == null ? c.title() : v.title(),
                    v.category() == null ? c.category().orElse(null) : v.category(),
                    v.tags() == null ? c.tags() : v.tags(),
                    v.anonymous() == null ? c.anonymous() : v.anonymous(),
                    v.confidential() == null ? c.confidential() : v.confidential()), next);
        } else if (command instanceof Command.Hold h) {
            return accept(new Event.PutOnHold(h.reason(), c.state()), next);
        } else if (command instanceof Command.Resume r) {
            return accept(new Event.Resumed(r.note(), next), next);
        } else if (command instanceof Command.NotOurAuthority n) {
            return accept(new Event.ReturnedForRouting(n.reason(), c.responsibleUnit().orElse(null)), next);
        } else if (command instanceof Command.Archive a) {
            return accept(new Event.Archived(a.reason(), a.note()), next);
        } else if (command instanceof Command.Forward f) {
            UnitId current = c.responsibleUnit().orElseThrow();
            if (!directory.contains(f.unit())) {
                return rule(c, actor, command, "unit " + f.unit() + " is not in the directory");
            }
            if (f.unit().equals(current) || !directory.isWithin(f.unit(), current)) {
                return rule(c, actor, command, "a complaint is forwarded only to a unit below " + current
                        + "; " + f.unit() + " is not");
            }
            return accept(new Event.Forwarded(current, f.unit(), f.note()), next);
        } else if (command instanceof Command.Reassign r) {
            UnitId current = c.responsibleUnit().orElseThrow();
            if (!directory.contains(r.unit())) {
                return rule(c, actor, command, "unit " + r.unit() + " is not in the directory");
            }
            if (r.unit().equals(current)) {
                return rule(c, actor, command, "the complaint is already with " + current);
            }
            if (actor.role() == Role.SUPERVISOR && !directory.isWithin(r.unit(), actor.unit().orElseThrow())) {
                return rule(c, actor, command, "a supervisor reassigns only within " + actor.unit().orElseThrow());
            }
            return accept(new Event.Reassigned(current, r.unit(), r.reason()), next);
        } else if (command instanceof Command.PostFollowUp p) {
            return accept(new Event.FollowUpPosted(p.text(), next == State.AWAITING_APPROVAL), next);
        } else if (command instanceof Command.ApproveFollowUp) {
            return accept(new Event.FollowUpApproved(), next);
        } else if (command instanceof Command.ReturnFollowUp r) {
            return accept(new Event.FollowUpReturned(r.reason()), next);
        } else if (command instanceof Command.Reply r) {
            return accept(new Event.ReporterReplied(r.text(), next != c.state(), r.channel(), r.channelMessageId()), next);
        } else if (command instanceof Command.Rate r) {
            if (c.rating().isPresent()) {
                return rule(c, actor, command, "the reporter has already rated this answer");
            }
            return accept(new Event.Rated(r.score(), r.comment()), next);
        } else if (command instanceof Command.Complete done) {
            Event.Completion by = switch (actor.role()) {
                case REPORTER -> Event.Completion.REPORTER;
                case VERIFIER -> Event.Completion.VERIFIER;
                default -> Event.Completion.AUTOMATIC;
            };
            return accept(Event.Completed.by(by, done.note()), next);
        } else if (command instanceof Command.Escalate e) {
            return accept(escalation(c, e), next);
        }
        // Submit: the table has no row for it, so it never gets here.
        throw new IllegalStateException("no rule for " + command.type());
    }

    private Event.Escalated escalation(Complaint c, Command.Escalate e) {
        UnitId moveTo = null;
        if (e.actions().contains(EscalationAction.REASSIGN_TO_PARENT)) {
            moveTo = c.responsibleUnit().flatMap(directory::supervisorOf).orElse(null);
        }
        Priority priority = e.actions().contains(EscalationAction.RAISE_PRIORITY) ? c.priority().raised() : c.priority();
        return new Event.Escalated(e.level(), e.reason(), e.rule(), e.actions(), moveTo, priority, null, null);
    }

    private static String rolesFor(State state, CommandKind kind) {
        StringBuilder sb = new StringBuilder();
        for (Transition t : Transitions.table()) {
            if (t.from() == state && t.command() == kind) {
                for (Role r : t.roles()) {
                    sb.append(sb.length() == 0 ? "" : ", ").append(r);
                }
            }
        }
        return sb.toString();
    }

    private static Decision accept(Event e, State next) {
        return new Decision.Accept(e, next);
    }

    private static Decision rule(Complaint c, Actor actor, Command command, String detail) {
        return refuse(Refusal.Reason.RULE, c, actor, command, detail);
    }

    private static Decision refuse(Refusal.Reason reason, Complaint c, Actor actor, Command command, String detail) {
        return new Decision.Refuse(Refusal.of(reason, c.state(), command.type(), actor.role(), detail));
    }
}
