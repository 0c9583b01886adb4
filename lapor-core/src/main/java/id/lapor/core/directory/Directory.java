package id.lapor.core.directory;

import id.lapor.core.LaporException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hierarchy of institutions and units (ministry, province, city or regency, regional agency,
 * district, village). Immutable; a changed directory is a new one.
 */
public final class Directory {
    private final Map<UnitId, Unit> units;

    private Directory(Map<UnitId, Unit> units) {
        this.units = units;
    }

    /**
     * @throws LaporException naming every duplicate unit, unknown parent and cycle found
     */
    public static Directory of(Collection<Unit> units) {
        Map<UnitId, Unit> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Unit u : units) {
            if (byId.putIfAbsent(u.id(), u) != null) {
                problems.add("unit " + u.id() + " is listed twice");
            }
        }
        for (Unit u : byId.values()) {
            u.parent().filter(p -> !byId.containsKey(p))
                    .ifPresent(p -> problems.add("unit " + u.id() + " names unknown parent " + p));
        }
        for (Unit u : byId.values()) {
            int steps = 0;
            Optional<UnitId> p = u.parent();
            while (p.isPresent() && byId.containsKey(p.get()) && steps <= byId.size()) {
                p = byId.get(p.get()).parent();
                steps++;
            }
            if (steps > byId.size()) {
                problems.add("unit " + u.id() + " is part of a cycle of parents");
            }
        }
        if (!problems.isEmpty()) {
            throw new LaporException("invalid directory: " + String.join("; ", problems));
        }
        return new Directory(Collections.unmodifiableMap(byId));
    }

    public Optional<Unit> find(UnitId id) {
        return Optional.ofNullable(units.get(id));
    }

    /** @throws LaporException when the unit is not in the directory */
    public Unit get(UnitId id) {
        Unit u = units.get(id);
        if (u == null) {
            throw new LaporException("unit " + id + " is not in the directory");
        }
        return u;
    }

    public boolean contains(UnitId id) {
        return units.containsKey(id);
    }

    /** True when {@code unit} is {@code ancestor} or lies below it. */
    public boolean isWithin(UnitId unit, UnitId ancestor) {
        Optional<UnitId> current = Optional.of(unit);
        while (current.isPresent()) {
            if (current.get().equals(ancestor)) {
                return true;
            }
            Unit u = units.get(current.get());
            current = u == null ? Optional.empty() : u.parent();
        }
        return false;
    }

    /** {@code unit} and every unit below it. */
    public java.util.Set<UnitId> subtree(UnitId unit) {
        java.util.Set<UnitId> out = new java.util.LinkedHashSet<>();
        for (Unit u : units.values()) {
            if (isWithin(u.id(), unit)) {
                out.add(u.id());
            }
        }
        return out;
    }

    /** The supervisor of a unit: its parent. */
    public Optional<UnitId> supervisorOf(UnitId unit) {
        return find(unit).flatMap(Unit::parent);
    }

    /**
     * True when an operator's follow-up in {@code unit} waits for a liaison officer: the unit or one of
     * its ancestors requires approval (a liaison officer answers for everything below them).
     */
    public boolean followUpNeedsApproval(UnitId unit) {
        Optional<UnitId> current = Optional.of(unit);
        while (current.isPresent()) {
            Unit u = units.get(current.get());
            if (u == null) {
                return false;
            }
            if (u.followUpNeedsApproval()) {
                return true;
            }
            current = u.parent();
        }
        return false;
    }

    /** The calendar a unit uses: its own, else the nearest ancestor's. */
    public Optional<String> calendarOf(UnitId unit) {
        Optional<UnitId> current = Optional.of(unit);
        while (current.isPresent()) {
            Unit u = units.get(current.get());
            if (u == null) {
                return Optional.empty();
            }
            if (u.calendar().isPresent()) {
                return u.calendar();
            }
            current = u.parent();
        }
        return Optional.empty();
    }

    public Collection<Unit> all() {
        return units.values();
    }
}
