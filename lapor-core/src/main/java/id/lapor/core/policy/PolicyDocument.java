package id.lapor.core.policy;

import java.util.List;
import java.util.Map;

/**
 * A policy as written, before validation: every value as text or number as the source had it, and null where
 * the source had nothing. Adapters (JSON, YAML) produce it; {@link PolicyValidator} turns it into a
 * {@link Policy} or lists every problem by path. The paths name fields as a document writes them:
 * {@code units[2].parent}, {@code routing.rules[3].unit}, {@code calendars.default.id}. A null list reads as
 * empty; a null element of a list is reported as missing.
 */
public record PolicyDocument(
        String id,
        Integer version,
        String name,
        Effective effective,
        List<UnitEntry> units,
        List<CategoryEntry> categories,
        Calendars calendars,
        Sla sla,
        List<EscalationEntry> escalation,
        Routing routing,
        Sms sms) {

    /** When the policy is in force: {@code from} and {@code until} are ISO dates (until inclusive, may be null). */
    public record Effective(String from, String until, String zone) {
    }

    /** {@code zone}: WIB, WITA, WIT or a zone id; {@code region}: a region code the unit serves. */
    public record UnitEntry(String id, String name, String level, String parent, String zone, String region,
                            Boolean approval) {
    }

    public record CategoryEntry(String id, String name, String parent) {
    }

    /** The calendar every unit uses unless it (or an ancestor) has its own, written {@code default} in files. */
    public record Calendars(CalendarEntry defaultCalendar, List<UnitCalendarEntry> units) {
    }

    public record CalendarEntry(String id, Integer version) {
    }

    public record UnitCalendarEntry(String unit, String id, Integer version) {
    }

    /** Absent values take {@link id.lapor.core.sla.SlaPolicy#standard()}'s. */
    public record Sla(Integer verificationDays, Integer followUpDays, Integer replyWindowDays,
                      Map<String, Integer> resolutionDays, Double warningShare) {
    }

    /** {@code afterDays}: working days after the previous level (0 for level 1 when absent). */
    public record EscalationEntry(String name, String stage, Integer level, String on, Integer afterDays,
                                  List<String> actions) {
    }

    /** {@code verifiers}: the institution whose verifiers take the reports no rule routes. */
    public record Routing(String verifiers, List<RuleEntry> rules) {
    }

    public record RuleEntry(String name, String unit, List<String> kinds, List<String> channels, String category,
                            String region, List<String> keywords, List<String> institutions, String note) {
    }

    /** SMS 1708: a leading keyword names the jurisdiction; flag words mark a message confidential or anonymous. */
    public record Sms(List<SmsKeywordEntry> keywords, List<String> confidential, List<String> anonymous) {
    }

    public record SmsKeywordEntry(String keyword, String unit) {
    }
}
