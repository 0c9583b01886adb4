package id.lapor.core.complaint;

import java.util.Objects;
import java.util.Optional;

/** One entry of the hierarchical category catalogue; a top-level category has no parent. */
public record Category(CategoryId id, Optional<CategoryId> parent, String name) {
    public Category {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parent, "parent");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("category " + id + " needs a name");
        }
    }

    public static Category top(String id, String name) {
        return new Category(CategoryId.of(id), Optional.empty(), name);
    }

    public static Category under(String parent, String id, String name) {
        return new Category(CategoryId.of(id), Optional.of(CategoryId.of(parent)), name);
    }
}
