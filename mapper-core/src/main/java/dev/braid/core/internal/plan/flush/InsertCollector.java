package dev.braid.core.internal.plan.flush;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects a flush's inserts: their order (referenced tables first; within a table that references its
 * own rows or a table inserted later, referenced rows first, level by level, {@link SelfReferenceLevels}),
 * their batches, and the rows that reference a row inserted after them (a cycle), whose key a
 * post-update writes once both rows exist.
 */
final class InsertCollector {
    private final FlushOrder order;
    private final boolean batching;
    private final boolean insertsReturnOrderedKeys;
    private final int batchLimit;

    /**
     * @param batching                 the dialect binds arrays (one statement per batch, keys allocated first)
     * @param insertsReturnOrderedKeys the dialect batches inserts returning generated keys in row order (H2)
     */
    InsertCollector(FlushOrder order, boolean batching, boolean insertsReturnOrderedKeys, int batchLimit) {
        this.order = order;
        this.batching = batching;
        this.insertsReturnOrderedKeys = insertsReturnOrderedKeys;
        this.batchLimit = batchLimit;
    }

    /** Orders {@code inserts} in place. */
    void order(List<EntityState> inserts, ForeignKeySync sync) {
        order.sortByRank(inserts, false); // stable: keeps add order per table
        for (int from = 0, to; from < inserts.size(); from = to) {
            EntityMapping mapping = inserts.get(from).mapping();
            to = from + 1;
            while (to < inserts.size() && inserts.get(to).mapping() == mapping) to++;
            if (!order.referencesLaterRows(mapping) || to - from < 2) continue;
            List<EntityState> table = new ArrayList<>(inserts.subList(from, to));
            SelfReferenceLevels.sortParentsFirst(table, sync::dependencies);
            for (int i = 0; i < table.size(); i++) inserts.set(from + i, table.get(i));
        }
    }

    /**
     * Inserts that reference a row inserted after them (a cycle: mutual foreign keys, or two new rows
     * pointing at each other): their key is written by a post-update once both rows exist. A NOT NULL
     * key cannot wait, so such a cycle is reported, naming it.
     */
    Map<EntityState, List<ColumnMapping>> cycleBreaks(List<EntityState> ordered, ForeignKeySync sync) {
        boolean any = false;
        for (int i = 0; i < ordered.size() && !any; i++) any = order.referencesLaterRows(ordered.get(i).mapping());
        if (!any) return Map.of();
        Map<Object, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < ordered.size(); i++) position.put(ordered.get(i).entity(), i);
        Map<EntityState, List<ColumnMapping>> postUpdates = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            EntityState s = ordered.get(i);
            if (!order.referencesLaterRows(s.mapping())) continue; // what it references comes earlier
            for (Map.Entry<Object, ColumnMapping> dependency : sync.dependencyColumns(s).entrySet()) {
                Integer at = position.get(dependency.getKey());
                if (at == null || at < i) continue;
                ColumnMapping fk = dependency.getValue();
                if (!fk.nullable()) {
                    throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot order the inserts: "
                            + EntityChecks.describe(s) + " needs the key of " + dependency.getKey().getClass().getSimpleName()
                            + " inserted after it (a cycle of foreign keys), and " + fk.qualifiedName()
                            + " is NOT NULL, so it cannot be filled in by a later UPDATE. Fix: make "
                            + fk.qualifiedName() + " nullable, or flush one side of the cycle first");
                }
                List<ColumnMapping> waiting = postUpdates.computeIfAbsent(s, k -> new ArrayList<>());
                if (!waiting.contains(fk)) waiting.add(fk);
            }
        }
        return postUpdates;
    }

    /**
     * Consecutive inserts of one table, cut where a row depends on a row of the current batch (its key
     * is not known before that batch runs), at the batch limit, and to single rows where the
     * dialect or a column type cannot batch.
     */
    List<List<EntityState>> batches(List<EntityState> ordered, ForeignKeySync sync) {
        List<List<EntityState>> batches = new ArrayList<>();
        List<EntityState> current = new ArrayList<>();
        Set<Object> inCurrent = Collections.newSetFromMap(new IdentityHashMap<>());
        for (EntityState s : ordered) {
            boolean fits = batchable(s) && !current.isEmpty() && batchable(current.get(0))
                    && current.get(0).mapping() == s.mapping() && current.size() < batchLimit
                    && (!order.referencesLaterRows(s.mapping()) || !dependsOnAny(sync.dependencies(s), inCurrent));
            if (!fits && !current.isEmpty()) {
                batches.add(current);
                current = new ArrayList<>();
                inCurrent.clear();
            }
            current.add(s);
            if (order.referencesLaterRows(s.mapping())) inCurrent.add(s.entity()); // only these can depend on it
        }
        if (!current.isEmpty()) batches.add(current);
        return batches;
    }

    private static boolean dependsOnAny(List<Object> dependencies, Set<Object> rows) {
        for (int i = 0; i < dependencies.size(); i++) if (rows.contains(dependencies.get(i))) return true;
        return false;
    }

    /**
     * Whether a row can go in a multi-row statement. H2 batches only rows whose key the database
     * generates (or that have no generated key): the statement leaves the key column out, so an object
     * with an id assigned by hand goes alone.
     */
    boolean batchable(EntityState s) {
        return s.mapping().arrayBindable() && !JoinedInserts.joined(s.mapping()) && (batching || insertsReturnOrderedKeys && keyLeftToTheDatabase(s))
                && !serverDefaultToRead(s);
    }

    /** A row leaving a column to its server default goes alone: its INSERT returns the default. */
    private static boolean serverDefaultToRead(EntityState s) {
        List<ColumnMapping> defaults = s.mapping().valueSources().serverDefaults();
        for (int i = 0; i < defaults.size(); i++) if (defaults.get(i).get(s.entity()) == null) return true;
        return false;
    }

    private static boolean keyLeftToTheDatabase(EntityState s) {
        ColumnMapping generated = s.mapping().generatedColumn().orElse(null);
        if (generated != null && s.mapping().columns().size() == 1) return false; // nothing else to write
        return generated == null || generated.get(s.entity()) == null;
    }
}
