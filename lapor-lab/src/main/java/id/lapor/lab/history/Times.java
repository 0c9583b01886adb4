package id.lapor.lab.history;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;

/**
 * Reading and writing ISO-8601 times with an offset, fast for the common form {@code 2025-03-04T09:15:00+07:00}
 * (a history has several per line, hundreds of thousands of lines); any other valid form goes through
 * {@link OffsetDateTime#parse} and {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, with the same results.
 */
public final class Times {
    private Times() {
    }

    /** @throws java.time.format.DateTimeParseException when {@code text} is not a time with an offset */
    public static Instant parse(String text) {
        if (text.length() == 25 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(22) == ':'
                && (text.charAt(19) == '+' || text.charAt(19) == '-')) {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            int oh = digits(text, 20, 2);
            int om = digits(text, 23, 2);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 28 && hour >= 0 && hour <= 23
                    && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && oh >= 0 && oh <= 18
                    && om >= 0 && om <= 59) {
                int offset = (oh * 3600 + om * 60) * (text.charAt(19) == '-' ? -1 : 1);
                long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offset);
            }
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    /** {@code instant} in {@code zone}, e.g. {@code 2025-03-08T00:00:00+07:00}. */
    public static String format(Instant instant, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        ZoneOffset offset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : rules.getOffset(instant);
        if (instant.getNano() != 0 || offset.getTotalSeconds() % 60 != 0) {
            return OffsetDateTime.ofInstant(instant, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, offset);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return OffsetDateTime.ofInstant(instant, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        StringBuilder sb = new StringBuilder(25);
        sb.append(t.getYear()).append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append('T');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        int total = offset.getTotalSeconds();
        if (total == 0) {
            return sb.append('Z').toString();
        }
        sb.append(total < 0 ? '-' : '+');
        total = Math.abs(total);
        two(sb, total / 3600).append(':');
        return two(sb, total / 60 % 60).toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
