package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.EntityStatus;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.ColumnMapping;

import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One flush's foreign-key sync: copies keys along relationships into foreign-key attributes (from a
 * loaded reference, from the parent whose loaded collection holds the child, or NULL for an orphan
 * kept), recording how to undo it, and answers which objects an object's foreign keys wait for.
 */
final class ForeignKeySync {
    private final DependencyProcessors processors;
    private final Map<Object, ParentLink> parentOf;
    private final Map<Object, OneToManyDP> detached;

    /**
     * @param parentOf each child's parent through a loaded collection
     * @param detached orphans kept, with the relationship they left
     */
    ForeignKeySync(DependencyProcessors processors, Map<Object, ParentLink> parentOf, Map<Object, OneToManyDP> detached) {
        this.processors = processors;
        this.parentOf = parentOf;
        this.detached = detached;
    }

    void apply(EntityState state, Deque<Runnable> undo) {
        Object entity = state.entity();
        for (DependencyProcessor dp : processors.of(state.mapping())) dp.syncForeignKey(state, undo);
        ParentLink link = parentOf.get(entity);
        if (link != null) {
            link.processor().syncFromParent(link.parent(), entity, undo);
        } else {
            OneToManyDP left = detached.get(entity);
            if (left != null) left.detach(state, undo);
        }
    }

    /** Objects whose keys this one's foreign keys take, with the foreign-key column each fills. */
    Map<Object, ColumnMapping> dependencyColumns(EntityState state) {
        Map<Object, ColumnMapping> out = new IdentityHashMap<>();
        for (DependencyProcessor dp : processors.of(state.mapping())) {
            Object target = dp.referenced(state.entity());
            if (target != null) out.put(target, dp.relationship().localColumn());
        }
        ParentLink link = parentOf.get(state.entity());
        if (link != null) out.put(link.parent(), link.processor().relationship().remoteColumn());
        return out;
    }

    /** Objects whose generated keys this one's foreign keys wait for. */
    List<Object> dependencies(EntityState state) {
        List<Object> out = new ArrayList<>();
        for (DependencyProcessor dp : processors.of(state.mapping())) {
            Object target = dp.referenced(state.entity());
            if (target != null) out.add(target);
        }
        ParentLink link = parentOf.get(state.entity());
        if (link != null) out.add(link.parent());
        return out;
    }

    /** True when a key this object's foreign keys take comes from an object still to be inserted. */
    boolean dependsOnPending(EntityState state, IdentityMap identityMap) {
        for (DependencyProcessor dp : processors.of(state.mapping())) {
            if (pending(dp.referenced(state.entity()), identityMap)) return true;
        }
        ParentLink link = parentOf.get(state.entity());
        return link != null && pending(link.parent(), identityMap);
    }

    private static boolean pending(Object entity, IdentityMap identityMap) {
        if (entity == null) return false;
        EntityState s = identityMap.stateOf(entity);
        return s != null && s.status() == EntityStatus.PENDING;
    }

    static void set(ColumnMapping column, Object entity, Object value, Deque<Runnable> undo) {
        Object previous = column.get(entity);
        if (Objects.equals(previous, value)) return;
        column.set(entity, value);
        undo.push(() -> column.set(entity, previous));
    }
}
