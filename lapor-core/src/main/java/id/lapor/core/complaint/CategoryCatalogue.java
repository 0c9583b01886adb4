package id.lapor.core.complaint;

import id.lapor.core.LaporException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The hierarchical catalogue of complaint categories (id, parent, name). Immutable. */
public final class CategoryCatalogue {
    private final Map<CategoryId, Category> byId;

    private CategoryCatalogue(Map<CategoryId, Category> byId) {
        this.byId = byId;
    }

    /**
     * Builds a catalogue; every parent must be in it and the hierarchy may have no cycle.
     *
     * @throws LaporException naming every duplicate id, unknown parent and cycle found
     */
    public static CategoryCatalogue of(Collection<Category> categories) {
        Map<CategoryId, Category> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Category c : categories) {
            if (byId.putIfAbsent(c.id(), c) != null) {
                problems.add("category " + c.id() + " is listed twice");
            }
        }
        for (Category c : byId.values()) {
            c.parent().filter(p -> !byId.containsKey(p))
                    .ifPresent(p -> problems.add("category " + c.id() + " names unknown parent " + p));
        }
        for (Category c : byId.values()) {
            Optional<CategoryId> p = c.parent();
            int steps = 0;
            while (p.isPresent() && byId.containsKey(p.get()) && steps <= byId.size()) {
                p = byId.get(p.get()).parent();
                steps++;
            }
            if (steps > byId.size()) {
                problems.add("category " + c.id() + " is part of a cycle of parents");
            }
        }
        if (!problems.isEmpty()) {
            throw new LaporException("invalid category catalogue: " + String.join("; ", problems));
        }
        return new CategoryCatalogue(Collections.unmodifiableMap(byId));
    }

    public Optional<Category> find(CategoryId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(CategoryId id) {
        return byId.containsKey(id);
    }

    /** True when {@code id} is {@code ancestor} or one of its descendants. */
    public boolean isWithin(CategoryId id, CategoryId ancestor) {
        Optional<CategoryId> current = Optional.of(id);
        while (current.isPresent()) {
            if (current.get().equals(ancestor)) {
                return true;
            }
            Category c = byId.get(current.get());
            current = c == null ? Optional.empty() : c.parent();
        }
        return false;
    }

    /** The top-level category {@code id} belongs to (itself when it has no parent). */
    public CategoryId topLevelOf(CategoryId id) {
        CategoryId current = id;
        Category c = byId.get(current);
        while (c != null && c.parent().isPresent()) {
            current = c.parent().get();
            c = byId.get(current);
        }
        return current;
    }

    /** True when no category has {@code id} as its parent. */
    public boolean isLeaf(CategoryId id) {
        return byId.values().stream().noneMatch(c -> c.parent().filter(id::equals).isPresent());
    }

    public Collection<Category> all() {
        return byId.values();
    }
}
