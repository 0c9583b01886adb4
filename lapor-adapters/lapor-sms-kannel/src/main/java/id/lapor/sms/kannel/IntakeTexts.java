package id.lapor.sms.kannel;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The immediate answers of the SMS channel, each short enough for one SMS in the GSM alphabet.
 * Placeholders: {@code {number}}, {@code {state}}, {@code {stage}}, {@code {deadline}}, {@code {keyword}}.
 */
public record IntakeTexts(
        String received,
        String status,
        String statusNoDeadline,
        String notFound,
        String statusUsage,
        String replyReceived,
        String replyRefused,
        String emptyReport,
        String help,
        String unknownSender,
        String stageVerification,
        String stageFollowUp,
        String stageReplyWindow,
        String deadlinePattern) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    public IntakeTexts {
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusNoDeadline, "statusNoDeadline");
        Objects.requireNonNull(notFound, "notFound");
        Objects.requireNonNull(statusUsage, "statusUsage");
        Objects.requireNonNull(replyReceived, "replyReceived");
        Objects.requireNonNull(replyRefused, "replyRefused");
        Objects.requireNonNull(emptyReport, "emptyReport");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(unknownSender, "unknownSender");
        Objects.requireNonNull(stageVerification, "stageVerification");
        Objects.requireNonNull(stageFollowUp, "stageFollowUp");
        Objects.requireNonNull(stageReplyWindow, "stageReplyWindow");
        Objects.requireNonNull(deadlinePattern, "deadlinePattern");
    }

    public static IntakeTexts indonesian() {
        return new IntakeTexts(
                "LAPOR {number}: laporan Anda diterima. Simpan nomor ini. Cek status: STATUS {number}",
                "LAPOR {number}: {state}. Batas waktu {stage}: {deadline}.",
                "LAPOR {number}: {state}.",
                "LAPOR {number}: laporan tidak ditemukan.",
                "Cek status: STATUS <nomor laporan>, mis. STATUS 70674622482",
                "LAPOR {number}: tanggapan Anda diterima.",
                "LAPOR {number}: laporan sudah {state}; tanggapan tidak dapat diterima.",
                "Tulis laporan setelah kata kunci, mis. {keyword} jalan rusak di depan pasar",
                "LAPOR: kirim {keyword} <laporan Anda>. Cek status: STATUS <nomor>. Menanggapi: <nomor> <tanggapan>.",
                "LAPOR: nomor pengirim tidak dikenali.",
                "verifikasi", "tindak lanjut", "tanggapan Anda", "dd-MM-yyyy");
    }

    public static IntakeTexts english() {
        return new IntakeTexts(
                "LAPOR {number}: your report was received. Keep this number. Status: STATUS {number}",
                "LAPOR {number}: {state}. Deadline for {stage}: {deadline}.",
                "LAPOR {number}: {state}.",
                "LAPOR {number}: no such report.",
                "Status: STATUS <report number>, e.g. STATUS 70674622482",
                "LAPOR {number}: your reply was received.",
                "LAPOR {number}: the report is {state}; replies are closed.",
                "Write your report after the keyword, e.g. {keyword} damaged road near the market",
                "LAPOR: send {keyword} <your report>. Status: STATUS <number>. Reply: <number> <your reply>.",
                "LAPOR: the sender's number was not recognised.",
                "verification", "follow-up", "your reply", "yyyy-MM-dd");
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
