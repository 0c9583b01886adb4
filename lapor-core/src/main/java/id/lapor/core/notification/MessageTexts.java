package id.lapor.core.notification;

import id.lapor.core.lifecycle.State;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of each notification: a subject and a short text per topic and language, with placeholders
 * {@code {trackingNumber}}, {@code {state}} (the state's label in the same language) and any other
 * attribute of the {@link OutboxMessage}. Texts name the complaint by its number only: no reporter, no
 * title, no body, so a text sent to a unit or a supervisor carries no personal data.
 *
 * <p>{@link #standard()} has Indonesian and English texts for every topic of
 * {@link NotificationPolicy#standard}, each short enough for one SMS. A topic missing in the asked
 * language falls back to English, then to a generic text naming the topic. Immutable; {@link #with}
 * returns a changed copy.
 */
public final class MessageTexts {
    public static final String INDONESIAN = "id";
    public static final String ENGLISH = "en";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.-]*)}");
    private static final String GENERIC = "*";

    private final Map<String, Template> templates;
    private final Map<String, String> stateLabels;

    private record Template(String subject, String body) {
    }

    private MessageTexts(Map<String, Template> templates, Map<String, String> stateLabels) {
        this.templates = Map.copyOf(templates);
        this.stateLabels = Map.copyOf(stateLabels);
    }

    /** Indonesian and English texts for the standard topics. */
    public static MessageTexts standard() {
        Map<String, Template> t = new HashMap<>();
        Map<String, String> s = new HashMap<>();
        id(t, "complaint.received", "Laporan diterima",
                "LAPOR {trackingNumber}: laporan Anda telah kami terima dan segera diverifikasi. Cek status: kirim SMS STATUS {trackingNumber}.");
        en(t, "complaint.received", "Report received",
                "LAPOR {trackingNumber}: your report was received and will be verified. Status: send SMS STATUS {trackingNumber}.");
        id(t, "complaint.submitted", "Laporan baru", "LAPOR {trackingNumber}: laporan baru menunggu verifikasi.");
        en(t, "complaint.submitted", "New report", "LAPOR {trackingNumber}: a new report awaits verification.");
        id(t, "complaint.verified", "Laporan diverifikasi",
                "LAPOR {trackingNumber}: laporan Anda telah diverifikasi dan diteruskan ke instansi yang berwenang.");
        en(t, "complaint.verified", "Report verified",
                "LAPOR {trackingNumber}: your report was verified and sent to the responsible institution.");
        id(t, "complaint.dispatched", "Disposisi laporan",
                "LAPOR {trackingNumber}: laporan didisposisikan ke unit Anda. Mohon segera ditindaklanjuti.");
        en(t, "complaint.dispatched", "Report dispatched",
                "LAPOR {trackingNumber}: a report was dispatched to your unit. Please follow it up.");
        id(t, "complaint.on-hold", "Laporan ditunda",
                "LAPOR {trackingNumber}: laporan Anda ditunda karena informasi belum lengkap. Balas: {trackingNumber} <keterangan>.");
        en(t, "complaint.on-hold", "Report on hold",
                "LAPOR {trackingNumber}: your report is on hold until you add information. Reply: {trackingNumber} <details>.");
        id(t, "complaint.returned-for-routing", "Laporan dikembalikan",
                "LAPOR {trackingNumber}: laporan dikembalikan (bukan wewenang). Mohon teruskan ke instansi yang tepat.");
        en(t, "complaint.returned-for-routing", "Report returned",
                "LAPOR {trackingNumber}: a report was returned as not within authority. Please route it again.");
        id(t, "complaint.archived", "Laporan diarsipkan",
                "LAPOR {trackingNumber}: laporan Anda diarsipkan dan tidak dapat ditindaklanjuti.");
        en(t, "complaint.archived", "Report archived", "LAPOR {trackingNumber}: your report was archived and will not be followed up.");
        id(t, "follow-up.awaiting-approval", "Tindak lanjut menunggu persetujuan",
                "LAPOR {trackingNumber}: tindak lanjut menunggu persetujuan pejabat penghubung.");
        en(t, "follow-up.awaiting-approval", "Follow-up awaits approval",
                "LAPOR {trackingNumber}: a follow-up awaits the liaison officer's approval.");
        id(t, "complaint.followed-up", "Laporan ditindaklanjuti",
                "LAPOR {trackingNumber}: laporan Anda telah ditindaklanjuti. Belum selesai? Balas: {trackingNumber} <tanggapan>.");
        en(t, "complaint.followed-up", "Report followed up",
                "LAPOR {trackingNumber}: your report was followed up. Not resolved? Reply: {trackingNumber} <comment>.");
        id(t, "follow-up.returned", "Tindak lanjut dikembalikan",
                "LAPOR {trackingNumber}: tindak lanjut dikembalikan pejabat penghubung untuk diperbaiki.");
        en(t, "follow-up.returned", "Follow-up returned", "LAPOR {trackingNumber}: the liaison officer returned the follow-up for changes.");
        id(t, "complaint.reporter-replied", "Tanggapan pelapor", "LAPOR {trackingNumber}: pelapor menanggapi laporan.");
        en(t, "complaint.reporter-replied", "Reporter replied", "LAPOR {trackingNumber}: the reporter replied.");
        id(t, "complaint.rated", "Penilaian pelapor", "LAPOR {trackingNumber}: pelapor memberi penilaian atas tindak lanjut.");
        en(t, "complaint.rated", "Reporter rated", "LAPOR {trackingNumber}: the reporter rated the follow-up.");
        id(t, "complaint.completed", "Laporan selesai", "LAPOR {trackingNumber}: laporan Anda dinyatakan selesai. Terima kasih.");
        en(t, "complaint.completed", "Report completed", "LAPOR {trackingNumber}: your report is complete. Thank you.");
        id(t, "complaint.escalated", "Eskalasi laporan",
                "LAPOR {trackingNumber}: laporan melewati batas waktu dan dieskalasi kepada Anda.");
        en(t, "complaint.escalated", "Report escalated", "LAPOR {trackingNumber}: a report missed its deadline and was escalated to you.");
        id(t, "sla.warning", "Batas waktu segera berakhir", "LAPOR {trackingNumber}: batas waktu penanganan segera berakhir.");
        en(t, "sla.warning", "Deadline approaching", "LAPOR {trackingNumber}: the handling deadline is near.");
        id(t, "sla.breached", "Batas waktu terlampaui", "LAPOR {trackingNumber}: batas waktu penanganan terlampaui.");
        en(t, "sla.breached", "Deadline missed", "LAPOR {trackingNumber}: the handling deadline was missed.");
        id(t, GENERIC, "Pembaruan laporan", "LAPOR {trackingNumber}: ada pembaruan laporan ({topic}).");
        en(t, GENERIC, "Report update", "LAPOR {trackingNumber}: update on report ({topic}).");

        state(s, State.SUBMITTED, "diterima, menunggu verifikasi", "received, awaiting verification");
        state(s, State.ON_HOLD, "ditunda, menunggu keterangan pelapor", "on hold, awaiting the reporter");
        state(s, State.DISPATCHED, "diproses instansi", "with the institution");
        state(s, State.AWAITING_APPROVAL, "tindak lanjut menunggu persetujuan", "follow-up awaiting approval");
        state(s, State.FOLLOWED_UP, "ditindaklanjuti", "followed up");
        state(s, State.COMPLETED, "selesai", "completed");
        state(s, State.ARCHIVED, "diarsipkan", "archived");
        return new MessageTexts(t, s);
    }

    /** A copy with {@code topic}'s text in {@code language} replaced or added; {@code *} is the generic topic. */
    public MessageTexts with(String language, String topic, String subject, String body) {
        Map<String, Template> t = new HashMap<>(templates);
        t.put(key(language, topic), new Template(Objects.requireNonNull(subject, "subject"), Objects.requireNonNull(body, "body")));
        return new MessageTexts(t, stateLabels);
    }

    /** The text of {@code message} in {@code language}, or the fallback described above. */
    public NotificationText render(OutboxMessage message, String language) {
        String lang = normalise(language);
        String used = lang;
        Template t = templates.get(key(lang, message.topic()));
        if (t == null) {
            t = templates.get(key(ENGLISH, message.topic()));
            used = ENGLISH;
        }
        if (t == null) {
            t = templates.get(key(lang, GENERIC));
            used = lang;
        }
        if (t == null) {
            t = templates.get(key(ENGLISH, GENERIC));
            used = ENGLISH;
        }
        if (t == null) {
            return new NotificationText(ENGLISH, "LAPOR " + message.complaint(), "LAPOR " + message.complaint() + ": " + message.topic());
        }
        Map<String, String> values = new HashMap<>(message.attributes());
        values.put("trackingNumber", message.complaint().value());
        values.put("topic", message.topic());
        String state = message.attributes().get("state");
        if (state != null) {
            values.put("state", stateLabel(state, used));
        }
        return new NotificationText(used, fill(t.subject(), values), fill(t.body(), values));
    }

    /** The label of {@code state} in {@code language} (English when that language has none). */
    public String state(State state, String language) {
        return stateLabel(state.name(), normalise(language));
    }

    private String stateLabel(String state, String language) {
        String label = stateLabels.get(key(language, state));
        if (label == null) {
            label = stateLabels.get(key(ENGLISH, state));
        }
        return label == null ? state.toLowerCase(Locale.ROOT).replace('_', ' ') : label;
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void id(Map<String, Template> t, String topic, String subject, String body) {
        t.put(key(INDONESIAN, topic), new Template(subject, body));
    }

    private static void en(Map<String, Template> t, String topic, String subject, String body) {
        t.put(key(ENGLISH, topic), new Template(subject, body));
    }

    private static void state(Map<String, String> s, State state, String indonesian, String english) {
        s.put(key(INDONESIAN, state.name()), indonesian);
        s.put(key(ENGLISH, state.name()), english);
    }

    private static String normalise(String language) {
        return language == null ? INDONESIAN : language.toLowerCase(Locale.ROOT);
    }

    private static String key(String language, String topic) {
        return normalise(language) + "\u0000" + topic;
    }
}
