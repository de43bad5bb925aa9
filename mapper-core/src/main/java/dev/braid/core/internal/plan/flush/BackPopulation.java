package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.EntityStatus;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.relation.RelationInternals;

import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a successful flush does to the session's objects: collection snapshots follow the database,
 * write-only collections forget their changes, and parents held by the session see children added by
 * foreign key (seed 001's stale collection). One instance per flush: which loaded collections hold which
 * children (an identity set per long collection, built once, instead of a scan per child: every object
 * is checked after every flush), and which collections gained members, whose snapshots are recorded once
 * at the end (the members are in the database already) instead of copied once per added child.
 */
final class BackPopulation {
    private final Map<Object, Set<Object>> members = new IdentityHashMap<>();
    private final Map<Object, Map.Entry<EntityState, RelationshipMapping>> grown = new IdentityHashMap<>();

    private BackPopulation() {}

    /** Runs the after-flush work over every persistent object of the session. */
    static void afterFlush(IdentityMap identityMap, DependencyProcessors processors, Deque<Runnable> undo) {
        BackPopulation back = new BackPopulation();
        for (EntityState state : identityMap.states()) {
            if (state.status() != EntityStatus.PERSISTENT) continue;
            for (DependencyProcessor dp : processors.of(state.mapping())) dp.flushed(state, undo);
            for (OneToManyDP parent : processors.parentsOf(state.mapping())) parent.backPopulate(state, identityMap, back);
        }
        back.recordSnapshots();
    }

    boolean holds(Object wrapper, Object child) {
        List<?> now = RelationInternals.peekCollection(wrapper);
        if (now.size() <= CollectionMembers.SCAN_LIMIT) return CollectionMembers.containsIdentity(now, child);
        return members.computeIfAbsent(wrapper, w -> CollectionMembers.identitySet(now)).contains(child);
    }

    void added(Object wrapper, Object child, EntityState parent, RelationshipMapping r) {
        Set<Object> set = members.get(wrapper);
        if (set != null) set.add(child);
        grown.putIfAbsent(wrapper, Map.entry(parent, r));
    }

    private void recordSnapshots() {
        for (Map.Entry<Object, Map.Entry<EntityState, RelationshipMapping>> e : grown.entrySet()) {
            EntityState parent = e.getValue().getKey();
            RelationshipMapping r = e.getValue().getValue();
            if (parent != null && parent.collectionSnapshot(r) != null) {
                parent.collectionSnapshot(r, RelationInternals.peekCollection(e.getKey()));
            }
        }
    }
}
