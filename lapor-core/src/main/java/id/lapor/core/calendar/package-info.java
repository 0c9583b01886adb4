/**
 * Working-day calendars: which days offices work, in which zone, and when a span of working days ends.
 *
 * <p>A {@link id.lapor.core.calendar.WorkingCalendar} is data (a work week, dated non-working days with their
 * decrees, a zone) turned into constant-time arithmetic and the deadline rule the SLA clocks use. Holidays are
 * never code: the Indonesian national decrees ship as {@link id.lapor.core.calendar.CalendarFormat} files
 * ({@link id.lapor.core.calendar.IndonesianCalendars}), regional ones are loaded the same way, and a year without
 * a decree is provisional until its decree is published in a {@link id.lapor.core.calendar.CalendarBook}, which
 * tells listeners what changed.
 */
package id.lapor.core.calendar;
