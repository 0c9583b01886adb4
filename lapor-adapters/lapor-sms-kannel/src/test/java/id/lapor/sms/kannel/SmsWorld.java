package id.lapor.sms.kannel;

import id.lapor.core.Lapor;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.memory.InMemoryComplaintStore;
import id.lapor.core.port.ComplaintFilter;
import id.lapor.testkit.Fixtures;
import id.lapor.testkit.SettableClock;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Palangka Raya on SMS: the testkit's directory, the keyword PALANGKARAYA for the city, an in-memory store. */
final class SmsWorld {
    static final String PHONE = "081234567890";
    static final String PHONE_E164 = "+6281234567890";
    private static final Pattern NUMBER = Pattern.compile("LAPOR (\\d{10,19})");

    final SettableClock clock;
    final InMemoryComplaintStore store = new InMemoryComplaintStore();
    final Lapor lapor;
    final SmsGrammar grammar = SmsGrammar.builder().keyword("PALANGKARAYA", Fixtures.CITY).build();
    final SmsIntake intake;

    SmsWorld() {
        this(b -> b);
    }

    /** {@code customise} may add listeners and the like to the lapor before it is built. */
    SmsWorld(UnaryOperator<Lapor.Builder> customise) {
        clock = SettableClock.at("2026-04-14T02:00:00Z");
        lapor = customise.apply(Fixtures.laporBuilder(store, clock)).build();
        intake = SmsIntake.builder().lapor(lapor).grammar(grammar).build();
    }

    IncomingSms sms(String from, String text, String id) {
        return new IncomingSms(from, "1708", text, id, clock.instant());
    }

    List<Complaint> smsComplaints() {
        return store.search(ComplaintFilter.all(), 0, 1000).stream().filter(c -> c.channel() == Channel.SMS).toList();
    }

    static TrackingNumber numberIn(String answer) {
        Matcher m = NUMBER.matcher(answer);
        if (!m.find()) {
            throw new AssertionError("no tracking number in '" + answer + "'");
        }
        return TrackingNumber.parse(m.group(1));
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
