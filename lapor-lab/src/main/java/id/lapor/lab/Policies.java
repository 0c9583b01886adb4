package id.lapor.lab;

import id.lapor.core.calendar.CalendarBook;
import id.lapor.core.policy.Policy;
import id.lapor.core.policy.PolicyBook;
import id.lapor.policy.jackson.PolicyReader;
import id.lapor.policy.jackson.PolicyResources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the policies a command names, on the calendars shipped with lapor (the national calendars in WIB,
 * WITA and WIT, version 1); none named means the default SP4N-LAPOR policy of Kota Palangka Raya.
 */
final class Policies {
    private static final CalendarBook CALENDARS = PolicyResources.defaultCalendars();

    private Policies() {
    }

    static PolicyReader reader() {
        return new PolicyReader(CALENDARS);
    }

    /** @throws id.lapor.core.policy.InvalidPolicyException listing every problem of the first invalid file */
    static Policy load(Path file) {
        return file == null ? reader().readDefault() : reader().read(file);
    }

    static List<Policy> loadAll(List<Path> files) {
        List<Policy> out = new ArrayList<>();
        if (files == null || files.isEmpty()) {
            out.add(reader().readDefault());
        } else {
            files.forEach(f -> out.add(reader().read(f)));
        }
        return out;
    }

    static PolicyBook book(List<Policy> policies) {
        return PolicyBook.of(policies);
    }
}
