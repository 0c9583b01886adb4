package id.lapor.core.policy;

import id.lapor.core.calendar.CalendarBook;
import id.lapor.core.calendar.IndonesianCalendars;
import id.lapor.core.calendar.IndonesianTimeZone;
import id.lapor.core.policy.PolicyDocument.CalendarEntry;
import id.lapor.core.policy.PolicyDocument.CategoryEntry;
import id.lapor.core.policy.PolicyDocument.EscalationEntry;
import id.lapor.core.policy.PolicyDocument.RuleEntry;
import id.lapor.core.policy.PolicyDocument.UnitCalendarEntry;
import id.lapor.core.policy.PolicyDocument.UnitEntry;
import java.util.ArrayList;
import java.util.List;

/** A valid policy document to vary: every field public and mutable, {@link #build()} makes the record. */
final class Doc {
    static final CalendarBook CALENDARS = new CalendarBook();

    static {
        for (IndonesianTimeZone z : IndonesianTimeZone.values()) {
            CALENDARS.publish(IndonesianCalendars.national(z).build(), "shipped decrees");
        }
        CALENDARS.publish(IndonesianCalendars.national(IndonesianTimeZone.WIB).id("strict-wib").strict(true).build(),
                "strict for tests");
    }

    String id = "test-policy";
    Integer version = 1;
    String name = "Test policy";
    String from = "2025-01-01";
    String until = "2025-12-31";
    String zone;
    List<UnitEntry> units = new ArrayList<>(List.of(
            unit("nasional", null, "NATIONAL", "WIB", null),
            unit("kota", "nasional", "CITY_OR_REGENCY", "WIB", "62.71"),
            unit("pupr", "kota", "REGIONAL_AGENCY", "WIB", null),
            unit("dinkes", "kota", "REGIONAL_AGENCY", "WIB", null),
            unit("prov-kaltim", "nasional", "PROVINCE", "WITA", "64")));
    List<CategoryEntry> categories = new ArrayList<>(List.of(
            new CategoryEntry("infrastruktur", "Infrastruktur", null),
            new CategoryEntry("jalan", "Jalan", "infrastruktur"),
            new CategoryEntry("kesehatan", "Kesehatan", null)));
    CalendarEntry defaultCalendar = new CalendarEntry("id-national-wib", 1);
    List<UnitCalendarEntry> unitCalendars = new ArrayList<>(List.of(
            new UnitCalendarEntry("prov-kaltim", "id-national-wita", 1)));
    PolicyDocument.Sla sla;
    List<EscalationEntry> escalation;
    String verifiers = "nasional";
    List<RuleEntry> rules = new ArrayList<>(List.of(
            rule("jalan-kota", "pupr", "jalan", "62.71"),
            rule("kesehatan-kota", "dinkes", "kesehatan", "62.71")));
    PolicyDocument.Sms sms;

    static UnitEntry unit(String id, String parent, String level, String zone, String region) {
        return new UnitEntry(id, "Unit " + id, level, parent, zone, region, null);
    }

    static RuleEntry rule(String name, String unit, String category, String region) {
        return new RuleEntry(name, unit, null, null, category, region, null, null, null);
    }

    PolicyDocument build() {
        return new PolicyDocument(id, version, name, new PolicyDocument.Effective(from, until, zone), units, categories,
                new PolicyDocument.Calendars(defaultCalendar, unitCalendars), sla, escalation,
                new PolicyDocument.Routing(verifiers, rules), sms);
    }

    PolicyCheck check() {
        return new PolicyValidator(CALENDARS).check(build(), PolicyLines.none());
    }

    Policy policy() {
        return check().orThrow("test");
    }
}
