package dev.braid.core.internal.meta;

import dev.braid.core.internal.util.Require;
import java.util.List;

/**
 * The identity of a row: its entity type and primary-key value ({@code List} of values for a
 * composite key). Two objects with equal keys in one session are the same object.
 */
public record EntityKey(Class<?> type, Object id) {
    public EntityKey {
        Require.nonNull(type, "type");
        Require.nonNull(id, "id");
        if (id instanceof List<?> parts) {
            id = List.copyOf(parts);
        }
    }

    @Override
    public String toString() {
        return type.getSimpleName() + "[" + (id instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : id) + "]";
    }
}
