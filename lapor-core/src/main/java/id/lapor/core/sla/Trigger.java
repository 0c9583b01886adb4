package id.lapor.core.sla;

/** When the first level of an escalation rule fires: at the warning share of a stage, or at its deadline. */
public enum Trigger {
    WARNING, BREACH
}
