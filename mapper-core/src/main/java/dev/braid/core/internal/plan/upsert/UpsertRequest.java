package dev.braid.core.internal.plan.upsert;

import dev.braid.query.Attribute;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What a caller asked: upsert {@code objects} of {@code type}, colliding on {@code conflict} (attributes of
 * a unique key; empty: the constraint, or else the primary key), then doing nothing or updating
 * {@code updateAttributes} (null: every column but the key's and the version).
 */
public record UpsertRequest(Class<?> type, List<?> objects, List<Attribute<?, ?>> conflict, @Nullable String constraint,
                            boolean update, @Nullable List<Attribute<?, ?>> updateAttributes) {
    /** Copies the lists (objects may hold nulls until checked). */
    public UpsertRequest {
        objects = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(objects));
        conflict = List.copyOf(conflict);
        if (updateAttributes != null) updateAttributes = List.copyOf(updateAttributes);
    }
}
