package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.relation.RelationInternals;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * After rows were deleted without their objects being deleted in the session (a delete by keys): the
 * loaded collections of the session's objects drop the objects that left, and so do those
 * collections' snapshots, so the next flush sees no change (no orphan, no link row to delete).
 */
final class HeldCollections {
    private HeldCollections() {}

    /** Removes {@code removed} (an identity set) from every loaded collection the session's objects hold. */
    static void dropRemoved(IdentityMap identityMap, Set<Object> removed, Deque<Runnable> undo) {
        if (removed.isEmpty()) return;
        for (EntityState state : identityMap.states()) {
            for (RelationshipMapping r : state.mapping().relationships()) {
                if (!r.isCollection() || r.isWriteOnly()) continue;
                Object wrapper = r.wrapperOf(state.entity());
                if (!RelationInternals.isLoaded(wrapper)) continue;
                List<?> members = RelationInternals.peekCollection(wrapper);
                List<Object> gone = null;
                for (Object member : members) {
                    if (removed.contains(member)) {
                        if (gone == null) gone = new ArrayList<>();
                        gone.add(member);
                    }
                }
                if (gone == null) continue;
                List<Object> before = new ArrayList<>(members);
                List<Object> snapshot = state.collectionSnapshot(r);
                for (Object member : gone) RelationInternals.removeQuietly(wrapper, member);
                if (snapshot != null) {
                    List<Object> kept = new ArrayList<>(snapshot);
                    kept.removeIf(removed::contains);
                    state.collectionSnapshot(r, kept);
                }
                undo.push(() -> {
                    RelationInternals.loadCollection(wrapper, before);
                    state.collectionSnapshot(r, snapshot);
                });
            }
        }
    }
}
