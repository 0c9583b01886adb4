package id.lapor.core.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Reads and writes calendar files: plain UTF-8 text, one item a line, readable with no library.
 *
 * <pre>
 * # Comment lines start with '#'; blank lines are ignored.
 * # '@year YYYY' says the file carries that year's decree in full (repeat for several years):
 * # loading it makes the year no longer provisional. A file without it only adds days.
 * &#64;year 2026
 * # date|kind|name|decree
 * 2026-01-01|NATIONAL_HOLIDAY|Tahun Baru 2026 Masehi|Joint decree (SKB) ... 19 November 2025
 * 2026-02-16|COLLECTIVE_LEAVE|Cuti bersama Tahun Baru Imlek|Joint decree (SKB) ... 19 November 2025
 * </pre>
 *
 * <p>Fields are separated by {@code |} and trimmed; all four are required. The date is ISO {@code yyyy-MM-dd},
 * the kind one of the {@link DayKind} names. A bad line (bad date, unknown kind, missing or extra field,
 * duplicate date, a date outside the years the file decrees, an unknown directive) is a
 * {@link CalendarFormatException} naming the source and the line; nothing is returned then, so a file is loaded
 * whole or not at all.
 */
public final class CalendarFormat {
    private static final String YEAR_DIRECTIVE = "@year";

    private CalendarFormat() {
    }

    /** Reads {@code file} as UTF-8; the source is named after the file. */
    public static CalendarSource read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), reader);
        } catch (IOException e) {
            throw new CalendarFormatException(file.toString(), "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads {@code in} as UTF-8 to its end; the caller closes it. */
    public static CalendarSource read(String sourceName, InputStream in) {
        Objects.requireNonNull(in, "in");
        return parse(sourceName, new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** Parses {@code text}. */
    public static CalendarSource parse(String sourceName, String text) {
        return parse(sourceName, new StringReader(text));
    }

    /** Reads {@code reader} to its end; the caller closes it. */
    public static CalendarSource parse(String sourceName, Reader reader) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(reader, "reader");
        Parser parser = new Parser(sourceName);
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                parser.line(line);
            }
        } catch (IOException e) {
            throw new CalendarFormatException(sourceName, "cannot be read: " + e.getMessage(), e);
        }
        return parser.finish();
    }

    /**
     * Writes {@code source} in the line format: {@code @year} lines, then one line a day in date order.
     * Parsing the result gives an equal source.
     */
    public static String write(CalendarSource source) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(source.name()).append('\n');
        for (int year : source.decreedYears()) {
            out.append(YEAR_DIRECTIVE).append(' ').append(year).append('\n');
        }
        out.append("# date|kind|name|decree\n");
        for (NonWorkingDay day : source.days()) {
            out.append(day.date()).append('|').append(day.kind().name()).append('|').append(day.name()).append('|')
                    .append(day.decree()).append('\n');
        }
        return out.toString();
    }

    private static final class Parser {
        private final String source;
        private final TreeSet<Integer> years = new TreeSet<>();
        private final List<NonWorkingDay> days = new ArrayList<>();
        private final Map<LocalDate, Integer> lineOfDate = new HashMap<>();
        private int lineNumber;

        Parser(String source) {
            this.source = source;
        }

        void line(String raw) {
            lineNumber++;
            String line = lineNumber == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                return;
            }
            if (line.startsWith("@")) {
                directive(line);
                return;
            }
            day(line);
        }

        private void directive(String line) {
            String[] words = line.split("\\s+");
            if (!words[0].equals(YEAR_DIRECTIVE)) {
                throw error("unknown directive '" + words[0] + "' (the only one is " + YEAR_DIRECTIVE + " YYYY)");
            }
            if (words.length != 2) {
                throw error("expected '" + YEAR_DIRECTIVE + " YYYY', found '" + line + "'");
            }
            int year;
            try {
                year = Integer.parseInt(words[1]);
            } catch (NumberFormatException e) {
                throw error("bad year '" + words[1] + "' (expected four digits)");
            }
            if (year < 1900 || year > 9999) {
                throw error("bad year '" + words[1] + "' (expected 1900-9999)");
            }
            if (!years.add(year)) {
                throw error("year " + year + " is declared twice");
            }
        }

        private void day(String line) {
            String[] fields = line.split("\\|", -1);
            if (fields.length > 4) {
                throw error("too many fields (" + fields.length + "): expected date|kind|name|decree, and '|'"
                        + " cannot appear in a name or decree");
            }
            String[] names = {"date", "kind", "name", "decree"};
            for (int i = 0; i < names.length; i++) {
                if (i >= fields.length || fields[i].isBlank()) {
                    throw error("missing " + names[i] + " (expected date|kind|name|decree)");
                }
            }
            LocalDate date;
            try {
                date = LocalDate.parse(fields[0].strip());
            } catch (DateTimeParseException e) {
                throw error("bad date '" + fields[0].strip() + "' (expected an existing date as yyyy-MM-dd)");
            }
            DayKind kind;
            try {
                kind = DayKind.valueOf(fields[1].strip());
            } catch (IllegalArgumentException e) {
                throw error("unknown kind '" + fields[1].strip() + "' (expected one of "
                        + Arrays.toString(DayKind.values()) + ")");
            }
            Integer earlier = lineOfDate.putIfAbsent(date, lineNumber);
            if (earlier != null) {
                throw error("duplicate date " + date + " (already on line " + earlier + ")");
            }
            days.add(new NonWorkingDay(date, kind, fields[2], fields[3]));
        }

        CalendarSource finish() {
            if (!years.isEmpty()) {
                for (NonWorkingDay day : days) {
                    if (!years.contains(day.date().getYear())) {
                        throw new CalendarFormatException(source, lineOfDate.get(day.date()), "date " + day.date()
                                + " lies outside the years this file decrees " + years);
                    }
                }
            }
            return new CalendarSource(source, years, days);
        }

        private CalendarFormatException error(String problem) {
            return new CalendarFormatException(source, lineNumber, problem);
        }
    }

}
