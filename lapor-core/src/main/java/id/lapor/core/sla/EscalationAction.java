package id.lapor.core.sla;

/** What an escalation does besides being recorded. */
public enum EscalationAction {
    /** A message to the responsible unit's supervisor (through the outbox). */
    NOTIFY_SUPERVISOR,
    /** The complaint moves to the parent of the unit now responsible. */
    REASSIGN_TO_PARENT,
    /** The priority goes up one step. */
    RAISE_PRIORITY,
    /** The national manager of the platform is told to intervene. */
    REFER_TO_NATIONAL_MANAGER,
    /** Referred to the Ombudsman. */
    REFER_TO_OMBUDSMAN
}
