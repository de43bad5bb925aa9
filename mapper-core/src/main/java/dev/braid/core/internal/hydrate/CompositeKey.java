package dev.braid.core.internal.hydrate;

import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.meta.RelationshipOptions;

import java.util.ArrayList;
import java.util.List;

/** The key of a relationship over a composite foreign key: the driver values of its columns, as a list (equal by value). */
final class CompositeKey {
    private CompositeKey() {}

    /**
     * The owner's side ({@code local}: the owner's columns) or the target's side (the target's columns) of
     * {@code r}'s key on {@code entity}, in pair order; null when a part is null (no related row).
     */
    static List<Object> of(RelationshipMapping r, Object entity, boolean local) {
        List<Object> parts = new ArrayList<>(1 + r.options().extraPairs().size());
        if (!add(parts, local ? r.localColumn() : r.remoteColumn(), entity)) return null;
        for (RelationshipOptions.ColumnPair p : r.options().extraPairs()) {
            if (!add(parts, local ? p.local() : p.remote(), entity)) return null;
        }
        return parts;
    }

    private static boolean add(List<Object> parts, ColumnMapping column, Object entity) {
        Object value = column.getForDatabase(entity);
        parts.add(value);
        return value != null;
    }
}
