package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.RelationshipMapping;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a flush's delete work, referencing tables first: the link rows and unloaded children of
 * each deleted object (from its dependency processors), then the rows themselves in batches, where
 * rows of a table that references itself go one level at a time, deepest first
 * ({@link SelfReferenceLevels}), and the unloaded children deleted by their parents' keys go just before
 * their parents' rows.
 */
final class DeleteCollector {
    private final FlushOrder order;
    private final DependencyProcessors processors;
    private final boolean batches;
    private final int batchLimit;

    /** @param batches rows of one table with single-column keys and no version go many per statement */
    DeleteCollector(FlushOrder order, DependencyProcessors processors, boolean batches, int batchLimit) {
        this.order = order;
        this.processors = processors;
        this.batches = batches;
        this.batchLimit = batchLimit;
    }

    /** The delete commands for {@code deletes} (sorted in place, referencing tables first). */
    List<FlushCommands.DeleteCommand> collect(List<EntityState> deletes) {
        List<FlushCommands.DeleteCommand> out = new ArrayList<>();
        order.sortByRank(deletes, true);
        for (EntityState s : deletes) {
            for (DependencyProcessor dp : processors.of(s.mapping())) dp.beforeDelete(s, out);
        }
        Map<RelationshipMapping, List<Object>> childrenByParentKey = new LinkedHashMap<>();
        for (EntityState s : deletes) {
            for (DependencyProcessor dp : processors.of(s.mapping())) dp.childrenByParentKey(s, childrenByParentKey);
        }
        for (List<EntityState> batch : batchesByLevel(deletes)) {
            // Children deleted by their parents' keys go just before the parents' own rows; their table's
            // explicitly deleted rows (a higher rank) have gone already.
            EntityMapping parents = batch.get(0).mapping();
            for (Iterator<Map.Entry<RelationshipMapping, List<Object>>> it = childrenByParentKey.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<RelationshipMapping, List<Object>> e = it.next();
                if (e.getKey().owner() != parents) continue;
                out.add(new FlushCommands.ChildrenByParentKeys(e.getKey(), e.getValue()));
                it.remove();
            }
            out.add(new FlushCommands.DeleteRows(batch));
        }
        return out;
    }

    private List<List<EntityState>> batchesByLevel(List<EntityState> ordered) {
        if (!order.anySelfReferences()) return batches(ordered);
        List<List<EntityState>> out = new ArrayList<>();
        for (int from = 0, to; from < ordered.size(); from = to) {
            EntityMapping mapping = ordered.get(from).mapping();
            to = from + 1;
            while (to < ordered.size() && ordered.get(to).mapping() == mapping) to++;
            List<ColumnMapping[]> references = order.selfReferences(mapping);
            for (List<EntityState> level : SelfReferenceLevels.deepestFirst(ordered.subList(from, to), references)) {
                out.addAll(batches(level));
            }
        }
        return out;
    }

    /** Consecutive deletes of one table with single-column keys and no version check. */
    private List<List<EntityState>> batches(List<EntityState> ordered) {
        List<List<EntityState>> out = new ArrayList<>();
        List<EntityState> current = new ArrayList<>();
        for (EntityState s : ordered) {
            boolean batchable = batches && s.mapping().idColumns().size() == 1 && s.mapping().versionColumn().isEmpty();
            boolean fits = batchable && !current.isEmpty() && current.get(0).mapping() == s.mapping()
                    && current.size() < batchLimit;
            if (!fits && !current.isEmpty()) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(s);
            if (!batchable) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) out.add(current);
        return out;
    }
}
