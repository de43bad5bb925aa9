package dev.braid.core.internal.plan.schema;

import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.meta.RelationshipOptions;
import dev.braid.mapping.MappingRegistry;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The foreign keys over composite primary keys, as the DDL declares them: one constraint over all the
 * columns ({@code FOREIGN KEY (a, b) REFERENCES t (x, y)}), since the referenced columns are unique only
 * together. Found from the relationships declared over them (either side).
 */
final class CompositeForeignKeyDdl {
    // Each column of a composite foreign key -> (holder column, referenced column) pairs of its key.
    private final Map<ColumnMapping, List<RelationshipOptions.ColumnPair>> byColumn = new IdentityHashMap<>();

    CompositeForeignKeyDdl(MappingRegistry registry) {
        for (EntityMapping m : registry.entities()) {
            for (RelationshipMapping r : m.relationships()) {
                if (r.options().extraPairs().isEmpty()) continue;
                boolean owning = r.ownsForeignKey();
                List<RelationshipOptions.ColumnPair> pairs = new ArrayList<>();
                pairs.add(pair(r.localColumn(), r.remoteColumn(), owning));
                for (RelationshipOptions.ColumnPair p : r.options().extraPairs()) pairs.add(pair(p.local(), p.remote(), owning));
                for (RelationshipOptions.ColumnPair p : pairs) byColumn.putIfAbsent(p.local(), pairs);
            }
        }
    }

    private static RelationshipOptions.ColumnPair pair(ColumnMapping local, ColumnMapping remote, boolean owning) {
        return owning ? new RelationshipOptions.ColumnPair(local, remote) : new RelationshipOptions.ColumnPair(remote, local);
    }

    /** True when {@code column} is part of a composite foreign key. */
    boolean covers(ColumnMapping column) {
        return byColumn.containsKey(column);
    }

    /** The holder's columns of the composite key {@code column} leads, or null when it does not lead one. */
    List<String> columnsLedBy(ColumnMapping column) {
        List<RelationshipOptions.ColumnPair> pairs = byColumn.get(column);
        if (pairs == null || pairs.get(0).local() != column) return null;
        return pairs.stream().map(p -> p.local().column()).toList();
    }

    /** The referenced columns of the composite key {@code column} leads. */
    List<String> referencedBy(ColumnMapping column) {
        return byColumn.get(column).stream().map(p -> p.remote().column()).toList();
    }
}
