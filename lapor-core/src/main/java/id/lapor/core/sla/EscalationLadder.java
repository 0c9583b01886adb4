package id.lapor.core.sla;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The escalation rules of every stage, by level. Per stage the levels run 1, 2, 3... without gaps.
 * The default (SP4N-LAPOR's practice): at a follow-up breach the supervisor is told and the priority
 * raised; 2 working days later the complaint moves to the supervising unit; 5 more and the national
 * manager is asked to intervene. A late verification tells the national manager.
 */
public record EscalationLadder(List<EscalationRule> rules) {
    public EscalationLadder {
        List<EscalationRule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(EscalationRule::stage).thenComparingInt(EscalationRule::level));
        Set<String> names = new HashSet<>();
        for (EscalationRule r : sorted) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("escalation rule name " + r.name() + " is used twice");
            }
        }
        for (EscalationRule r : sorted) {
            if (r.stage() == Stage.REPLY_WINDOW) {
                throw new IllegalArgumentException("escalation rule " + r.name()
                        + ": the reply window is the reporter's; no one escalates it (it completes by itself)");
            }
        }
        for (Stage stage : Stage.values()) {
            int expected = 1;
            for (EscalationRule r : sorted) {
                if (r.stage() == stage) {
                    if (r.level() != expected) {
                        throw new IllegalArgumentException("escalation ladder of " + stage + " has level " + r.level()
                                + " where level " + expected + " was expected");
                    }
                    expected++;
                }
            }
        }
        rules = List.copyOf(sorted);
    }

    public static EscalationLadder none() {
        return new EscalationLadder(List.of());
    }

    public static EscalationLadder standard() {
        return new EscalationLadder(List.of(
                new EscalationRule("late-verification", Stage.VERIFICATION, 1, Trigger.BREACH, 0,
                        EnumSet.of(EscalationAction.REFER_TO_NATIONAL_MANAGER)),
                new EscalationRule("late-follow-up", Stage.FOLLOW_UP, 1, Trigger.BREACH, 0,
                        EnumSet.of(EscalationAction.NOTIFY_SUPERVISOR, EscalationAction.RAISE_PRIORITY)),
                new EscalationRule("late-follow-up-to-supervisor", Stage.FOLLOW_UP, 2, Trigger.BREACH, 2,
                        EnumSet.of(EscalationAction.REASSIGN_TO_PARENT, EscalationAction.NOTIFY_SUPERVISOR)),
                new EscalationRule("late-follow-up-to-national", Stage.FOLLOW_UP, 3, Trigger.BREACH, 5,
                        EnumSet.of(EscalationAction.REFER_TO_NATIONAL_MANAGER))));
    }

    /** The rules of {@code stage}, level 1 first. */
    public List<EscalationRule> of(Stage stage) {
        return rules.stream().filter(r -> r.stage() == stage).toList();
    }

    /** True when any rule of the ladder takes {@code action}. */
    public boolean uses(EscalationAction action) {
        return rules.stream().anyMatch(r -> r.actions().contains(action));
    }

}
