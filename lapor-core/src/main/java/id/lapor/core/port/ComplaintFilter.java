package id.lapor.core.port;

import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.State;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which complaints to list. An empty set means "any"; {@code units} are matched exactly (expand a
 * subtree with {@link id.lapor.core.directory.Directory} first); {@code includeConfidential} false leaves
 * confidential complaints out, as every public listing must.
 *
 * @param submittedFrom inclusive
 * @param submittedUntil exclusive
 */
public record ComplaintFilter(
        Set<TrackingNumber> numbers,
        Set<UnitId> units,
        Set<State> states,
        Set<CategoryId> categories,
        Optional<Instant> submittedFrom,
        Optional<Instant> submittedUntil,
        boolean includeConfidential,
        Order order) {

    public ComplaintFilter {
        numbers = Set.copyOf(numbers);
        units = Set.copyOf(units);
        states = Set.copyOf(states);
        categories = Set.copyOf(categories);
        Objects.requireNonNull(submittedFrom, "submittedFrom");
        Objects.requireNonNull(submittedUntil, "submittedUntil");
        Objects.requireNonNull(order, "order");
    }

    /** The order of results. */
    public enum Order {
        /** Officer queues: the next SLA due instant first, complaints without a running clock last, then oldest first. */
        NEXT_DUE,
        /** Newest submission first. */
        NEWEST,
        /** Oldest submission first. */
        OLDEST
    }

    /** Everything, including confidential complaints, newest first: narrow it with the withers. */
    public static ComplaintFilter all() {
        return new ComplaintFilter(Set.of(), Set.of(), Set.of(), Set.of(), Optional.empty(), Optional.empty(), true,
                Order.NEWEST);
    }

    public ComplaintFilter numbers(Set<TrackingNumber> numbers) {
        return new ComplaintFilter(numbers, units, states, categories, submittedFrom, submittedUntil, includeConfidential, order);
    }

    public ComplaintFilter units(Set<UnitId> units) {
        return new ComplaintFilter(numbers, units, states, categories, submittedFrom, submittedUntil, includeConfidential, order);
    }

    public ComplaintFilter states(Set<State> states) {
        return new ComplaintFilter(numbers, units, states, categories, submittedFrom, submittedUntil, includeConfidential, order);
    }

    public ComplaintFilter categories(Set<CategoryId> categories) {
        return new ComplaintFilter(numbers, units, states, categories, submittedFrom, submittedUntil, includeConfidential, order);
    }

    public ComplaintFilter submitted(Instant from, Instant until) {
        return new ComplaintFilter(numbers, units, states, categories, Optional.ofNullable(from), Optional.ofNullable(until),
                includeConfidential, order);
    }

    public ComplaintFilter publicOnly() {
        return new ComplaintFilter(numbers, units, states, categories, submittedFrom, submittedUntil, false, order);
    }

    public ComplaintFilter order(Order order) {
        return new ComplaintFilter(numbers, units, states, categories, submittedFrom, submittedUntil, includeConfidential, order);
    }

    /** True when {@code c} passes the filter: the reference semantics every store must match. */
    public boolean test(Complaint c) {
        return (numbers.isEmpty() || numbers.contains(c.trackingNumber()))
                && (units.isEmpty() || c.responsibleUnit().filter(units::contains).isPresent())
                && (states.isEmpty() || states.contains(c.state()))
                && (categories.isEmpty() || c.category().filter(categories::contains).isPresent())
                && submittedFrom.map(f -> !c.submittedAt().isBefore(f)).orElse(true)
                && submittedUntil.map(u -> c.submittedAt().isBefore(u)).orElse(true)
                && (includeConfidential || !c.confidential());
    }

    /** The order as a comparator: the reference semantics every store must match (ties by tracking number). */
    public Comparator<Complaint> comparator() {
        Comparator<Complaint> byNumber = Comparator.comparing(Complaint::trackingNumber);
        switch (order) {
            case NEXT_DUE:
                return Comparator.comparing((Complaint c) -> c.nextDueAt().orElse(Instant.MAX))
                        .thenComparing(Complaint::submittedAt).thenComparing(byNumber);
            case OLDEST:
                return Comparator.comparing(Complaint::submittedAt).thenComparing(byNumber);
            default:
                return Comparator.comparing(Complaint::submittedAt).reversed().thenComparing(byNumber);
        }
    }
}
