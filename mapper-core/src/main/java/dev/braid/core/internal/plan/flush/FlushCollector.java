package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.EntityStatus;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;

import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collect half of planning a flush: runs the SAVE_UPDATE cascade, links children to their parents,
 * handles orphans, syncs foreign keys, and decides which rows to insert, update and delete, in which
 * order and groups, and which link rows change ({@link FlushCommands}). No statement exists yet.
 */
final class FlushCollector {
    private final IdentityMap identityMap;
    private final CascadeWalk walk;
    private final Orphans orphans;
    private final DependencyProcessors processors;
    private final DirtyCheck dirtyCheck;
    private final InsertCollector inserts;
    private final DeleteCollector deletes;
    private final boolean batchesUpdates;
    private final ValueGeneration values;

    FlushCollector(IdentityMap identityMap, CascadeWalk walk, DependencyProcessors processors, DirtyCheck dirtyCheck,
                   InsertCollector inserts, DeleteCollector deletes, boolean batchesUpdates, ValueGeneration values) {
        this.values = values;
        this.identityMap = identityMap;
        this.walk = walk;
        this.orphans = new Orphans(identityMap, walk);
        this.processors = processors;
        this.dirtyCheck = dirtyCheck;
        this.inserts = inserts;
        this.deletes = deletes;
        this.batchesUpdates = batchesUpdates;
    }

    /**
     * One cheap pass that proves most flushes empty (a session that only read, the autoflush before
     * every query): anything new or deleted, a changed column, a reference that disagrees with its
     * foreign key, a collection that differs from its snapshot, or pending write-only changes means
     * the full planning has to run.
     */
    boolean mayHaveChanges() {
        return identityMap.anyState(this::mayHaveChanged);
    }

    private boolean mayHaveChanged(EntityState state) {
        if (state.status() != EntityStatus.PERSISTENT || dirtyCheck.isDirty(state)) return true;
        for (DependencyProcessor dp : processors.of(state.mapping())) {
            if (dp.mayHaveChanged(state)) return true;
        }
        return false;
    }

    /** Collects every pending change; foreign keys synced on the way are recorded in {@code undo}. */
    FlushCommands collect(Deque<Runnable> undo) {
        walk.saveUpdateAll();
        List<EntityState> states = identityMap.states();
        Map<Object, ParentLink> parentOf = new IdentityHashMap<>();
        for (EntityState state : states) {
            if (state.status() == EntityStatus.DELETED) continue;
            for (DependencyProcessor dp : processors.of(state.mapping())) dp.parentLinks(state, parentOf);
        }
        ForeignKeySync sync = new ForeignKeySync(processors, parentOf, orphans.collect(states, parentOf, processors));

        List<EntityState> toInsert = new ArrayList<>();
        List<EntityState> toUpdate = new ArrayList<>();
        List<EntityState> toDelete = new ArrayList<>();
        states = identityMap.states(); // orphans deleted meanwhile: pending ones left the session
        for (EntityState state : states) {
            switch (state.status()) {
                case PENDING -> {
                    values.beforeInsert(state, undo);
                    toInsert.add(state);
                }
                case DELETED -> toDelete.add(state);
                case PERSISTENT -> {
                    sync.apply(state, undo);
                    if (dirtyCheck.isDirty(state) || sync.dependsOnPending(state, identityMap)) {
                        values.beforeUpdate(state, undo);
                        toUpdate.add(state);
                    }
                }
            }
        }
        inserts.order(toInsert, sync);
        Map<EntityState, List<ColumnMapping>> postUpdates = inserts.cycleBreaks(toInsert, sync);
        List<List<EntityState>> insertBatches = inserts.batches(toInsert, sync);
        List<EntityState> singleUpdates = new ArrayList<>();
        List<FlushCommands.UpdateGroup> updateGroups = updateGroups(toUpdate, sync, singleUpdates);
        LinkCollector links = new LinkCollector(identityMap);
        links.collect(states, processors);
        return new FlushCommands(insertBatches, singleUpdates, updateGroups, postUpdates, links.deletes(),
                links.inserts(), deletes.collect(toDelete), sync, toInsert, toUpdate, toDelete);
    }

    /**
     * Groups the updates of rows of one table changing the same columns, with single-column keys, no
     * version check and no key still to come from a pending insert, where the dialect batches; the rest
     * go to {@code singles}, one statement each.
     */
    private List<FlushCommands.UpdateGroup> updateGroups(List<EntityState> updates, ForeignKeySync sync,
                                                         List<EntityState> singles) {
        Map<List<Object>, List<EntityState>> groups = new LinkedHashMap<>();
        Map<List<Object>, List<ColumnMapping>> groupColumns = new HashMap<>();
        for (EntityState s : updates) {
            EntityMapping m = s.mapping();
            boolean batchable = batchesUpdates && m.idColumns().size() == 1 && m.versionColumn().isEmpty()
                    && m.arrayBindable() && !sync.dependsOnPending(s, identityMap) && !JoinedInserts.joined(m);
            if (!batchable) {
                singles.add(s);
                continue;
            }
            List<ColumnMapping> changed = DirtyCheck.changedColumns(s);
            List<Object> key = new ArrayList<>(changed.size() + 1);
            key.add(m);
            key.addAll(changed);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            groupColumns.put(key, changed);
        }
        List<FlushCommands.UpdateGroup> out = new ArrayList<>(groups.size());
        for (Map.Entry<List<Object>, List<EntityState>> group : groups.entrySet()) {
            out.add(new FlushCommands.UpdateGroup(group.getValue(), groupColumns.get(group.getKey())));
        }
        return out;
    }
}
