package id.lapor.policy.jackson;

import id.lapor.core.calendar.CalendarBook;
import id.lapor.core.calendar.IndonesianCalendars;
import id.lapor.core.calendar.IndonesianTimeZone;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The files this module publishes as classpath resources. */
public final class PolicyResources {
    /** The JSON Schema (draft 2020-12) of a policy document. */
    public static final String POLICY_SCHEMA = "/id/lapor/policy/jackson/policy.schema.json";
    /**
     * The default SP4N-LAPOR policy for Kota Palangka Raya (62.71): the city, its regional agencies, districts and
     * villages, its province, the national platform and a few institutions in WITA and WIT, on the national
     * calendars {@code id-national-wib}, {@code -wita} and {@code -wit} version 1.
     */
    public static final String DEFAULT_POLICY = "/id/lapor/policy/jackson/default-policy.yaml";

    private PolicyResources() {
    }

    /**
     * A new calendar book with the calendars the default policy names: the shipped national calendars
     * ({@link IndonesianCalendars#national}) in WIB, WITA and WIT, each published as version 1.
     */
    public static CalendarBook defaultCalendars() {
        CalendarBook book = new CalendarBook();
        for (IndonesianTimeZone zone : IndonesianTimeZone.values()) {
            book.publish(IndonesianCalendars.national(zone).build(), "national decrees shipped with lapor");
        }
        return book;
    }

    public static String policySchema() {
        return load(POLICY_SCHEMA);
    }

    public static String defaultPolicyYaml() {
        return load(DEFAULT_POLICY);
    }

    static String load(String resource) {
        try (InputStream in = PolicyResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw PolicyReader.missing(resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }
}
