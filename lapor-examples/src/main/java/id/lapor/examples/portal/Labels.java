package id.lapor.examples.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The portal's words in one language: {@code messages.properties} (Indonesian, the default) and
 * {@code messages_en.properties}. Never falls back to the JVM's default locale: a page is in the language asked
 * for, or in Indonesian.
 */
final class Labels {
    static final String BUNDLE = "id.lapor.examples.portal.messages";
    static final Labels INDONESIAN = new Labels("id");
    static final Labels ENGLISH = new Labels("en");

    private final String language;
    private final ResourceBundle bundle;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    private Labels(String language) {
        this.language = language;
        Locale locale = Locale.forLanguageTag(language);
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dateTime = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", locale);
        this.date = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
    }

    /** {@code en} or {@code id}; anything else is Indonesian. */
    static Labels of(String language) {
        return "en".equals(language) ? ENGLISH : INDONESIAN;
    }

    String language() {
        return language;
    }

    Labels other() {
        return this == ENGLISH ? INDONESIAN : ENGLISH;
    }

    /** The label of {@code key}, with {@code {0}}, {@code {1}}... replaced by the arguments; the key itself when missing. */
    String t(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            text = key;
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** The label of an enum constant under {@code prefix}, e.g. {@code state.SUBMITTED}. */
    String of(String prefix, Enum<?> value) {
        return t(prefix + "." + value.name());
    }

    /** An instant as a person in {@code zone} reads it, with the zone's Indonesian name (WIB, WITA, WIT). */
    String at(Instant instant, ZoneId zone) {
        return dateTime.format(instant.atZone(zone)) + " " + zoneName(zone);
    }

    /**
     * A deadline as its last working day ends, "25 Nov 2026, 24:00 WIB": the same instant as "26 Nov, 00:00",
     * but read as the day by which the work is due, which is how the decrees count it.
     */
    String deadline(id.lapor.core.calendar.Deadline d) {
        boolean endsItsDay = d.due().equals(d.lastDay().plusDays(1).atStartOfDay(d.zone()).toInstant());
        return endsItsDay ? date.format(d.lastDay()) + ", 24:00 " + zoneName(d.zone()) : at(d.due(), d.zone());
    }

    String day(java.time.LocalDate day) {
        return date.format(day);
    }

    static String zoneName(ZoneId zone) {
        switch (zone.getId()) {
            case "Asia/Jakarta":
            case "Asia/Pontianak":
                return "WIB";
            case "Asia/Makassar":
                return "WITA";
            case "Asia/Jayapura":
                return "WIT";
            default:
                return zone.getId();
        }
    }
}
