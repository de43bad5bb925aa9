package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.relation.RelationInternals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Comparing a loaded collection with its snapshot by identity, the work of the collection-side
 * dependency processors. Unchanged collections (the usual case at every flush) cost one pass; long
 * ones are compared through an identity set, not member by member.
 */
final class CollectionMembers {
    /** Up to this many members a scan beats building an identity set. */
    static final int SCAN_LIMIT = 8;

    private CollectionMembers() {}

    /** True when a collection relationship of a persistent object has something to write. */
    static boolean changed(EntityState state, RelationshipMapping r, Object wrapper) {
        if (r.isWriteOnly()) {
            return !RelationInternals.writeOnlyAdditions(wrapper).isEmpty()
                    || !RelationInternals.writeOnlyRemovals(wrapper).isEmpty();
        }
        if (!RelationInternals.isLoaded(wrapper)) return false;
        List<Object> snapshot = state.collectionSnapshot(r);
        List<?> now = RelationInternals.peekCollection(wrapper);
        return snapshot == null ? !now.isEmpty() : !sameMembers(snapshot, now);
    }

    /** After a flush: the collection's snapshot follows the database; a write-only one forgets its changes. */
    static void flushed(EntityState state, RelationshipMapping r, Deque<Runnable> undo) {
        Object wrapper = r.wrapperOf(state.entity());
        if (r.isWriteOnly()) {
            undo.push(RelationInternals.clearWriteOnly(wrapper));
            return;
        }
        if (!RelationInternals.isLoaded(wrapper)) return;
        List<Object> previous = state.collectionSnapshot(r);
        state.collectionSnapshot(r, RelationInternals.peekCollection(wrapper));
        undo.push(() -> state.collectionSnapshot(r, previous));
    }

    static boolean sameMembers(List<?> a, List<?> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) return false;
        }
        return true;
    }

    /** The members of {@code from} that {@code in} does not hold (by identity), in order. */
    static List<Object> missingFrom(List<?> from, List<?> in) {
        if (sameMembers(from, in)) return List.of();
        List<Object> missing = new ArrayList<>();
        Set<Object> present = in.size() > SCAN_LIMIT ? identitySet(in) : null;
        for (Object o : from) {
            if (present == null ? !containsIdentity(in, o) : !present.contains(o)) missing.add(o);
        }
        return missing;
    }

    static Set<Object> identitySet(List<?> members) {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>(members.size() * 2));
        set.addAll(members);
        return set;
    }

    static boolean containsIdentity(List<?> list, Object element) {
        for (Object o : list) if (o == element) return true;
        return false;
    }
}
