package id.lapor.core.calendar;

/**
 * A calendar file that does not follow the {@linkplain CalendarFormat line format}. The message names the source,
 * the line and what is wrong, e.g. {@code regional-62.txt line 7: unknown kind 'HOLIDAY'}.
 */
public class CalendarFormatException extends CalendarException {
    private final String source;
    private final int line;
    private final String problem;

    public CalendarFormatException(String source, int line, String problem) {
        super(source + " line " + line + ": " + problem);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    public CalendarFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.line = 0;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    /** The 1-based line, or 0 when the source could not be read at all. */
    public int line() {
        return line;
    }

    /** What is wrong, without the source and line. */
    public String problem() {
        return problem;
    }
}
