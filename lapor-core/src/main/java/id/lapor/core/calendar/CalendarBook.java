package id.lapor.core.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The versions of every calendar, where changing a calendar is an event: {@link #publish publishing} a calendar
 * makes it version n + 1 of its id and tells every {@link CalendarListener} with a {@link CalendarChanged}
 * naming the years that changed, so that open deadlines can be recomputed. Old versions stay readable.
 *
 * <p>Thread-safe. Publications are serialised and listeners are told in publication order, on the publishing
 * thread, while the next publication waits; reads never wait.
 */
public final class CalendarBook {
    private final Map<CalendarId, List<WorkingCalendar>> versions = new ConcurrentHashMap<>();
    private final List<CalendarListener> listeners = new CopyOnWriteArrayList<>();

    /** Tells {@code listener} of every later publication. */
    public void addListener(CalendarListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(CalendarListener listener) {
        listeners.remove(listener);
    }

    /**
     * Publishes {@code calendar} as the next version of its id (1 when the id is new; the calendar's own version
     * number is replaced) and tells every listener.
     *
     * @param reason why, in words, kept in the event (e.g. "2027 decree of ...")
     * @return the calendar as published, with its version
     * @throws CalendarException when a listener throws; the version is published all the same, every listener
     *     was told, and the first failure is the cause (the others are suppressed)
     */
    public synchronized WorkingCalendar publish(WorkingCalendar calendar, String reason) {
        Objects.requireNonNull(calendar, "calendar");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a calendar change needs a reason");
        }
        List<WorkingCalendar> history = versions.getOrDefault(calendar.id(), List.of());
        WorkingCalendar previous = history.isEmpty() ? null : history.get(history.size() - 1);
        int oldVersion = previous == null ? 0 : previous.version();
        WorkingCalendar published = calendar.withVersion(oldVersion + 1);
        SortedSet<Integer> years = previous == null
                ? published.coveredYears()
                : published.yearsDifferentFrom(previous);
        List<WorkingCalendar> next = new ArrayList<>(history);
        next.add(published);
        versions.put(calendar.id(), List.copyOf(next));
        notifyListeners(new CalendarChanged(calendar.id(), oldVersion, published.version(), years, reason.strip()));
        return published;
    }

    /**
     * Publishes the next version of {@code id}, made from the current one by {@code change}, e.g.
     * {@code book.update(id, b -> b.load(decree2027), "2027 decree")}. Atomic: no other publication comes
     * between reading the current version and publishing the next.
     *
     * @throws CalendarException when {@code id} has no version yet
     */
    public synchronized WorkingCalendar update(CalendarId id, Consumer<WorkingCalendar.Builder> change, String reason) {
        WorkingCalendar.Builder builder = require(id).toBuilder();
        change.accept(builder);
        return publish(builder.build(), reason);
    }

    /** The latest version of {@code id}. */
    public Optional<WorkingCalendar> current(CalendarId id) {
        List<WorkingCalendar> history = versions.get(id);
        return history == null ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    /** The latest version of {@code id}; throws {@link CalendarException} when there is none. */
    public WorkingCalendar require(CalendarId id) {
        return current(id).orElseThrow(() -> new CalendarException("no calendar " + id + " is published"));
    }

    /** Version {@code version} of {@code id}, if published. */
    public Optional<WorkingCalendar> version(CalendarId id, int version) {
        List<WorkingCalendar> history = versions.getOrDefault(id, List.of());
        return version >= 1 && version <= history.size() ? Optional.of(history.get(version - 1)) : Optional.empty();
    }

    /** Every version of {@code id}, oldest first; empty when none is published. */
    public List<WorkingCalendar> versions(CalendarId id) {
        return versions.getOrDefault(id, List.of());
    }

    /** The ids with at least one version, sorted. */
    public Set<CalendarId> ids() {
        return new TreeSet<>(versions.keySet());
    }

    private void notifyListeners(CalendarChanged event) {
        CalendarException failure = null;
        for (CalendarListener listener : listeners) {
            try {
                listener.calendarChanged(event);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = new CalendarException("calendar " + event.id() + " v" + event.newVersion()
                            + " is published, but a listener failed: " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
