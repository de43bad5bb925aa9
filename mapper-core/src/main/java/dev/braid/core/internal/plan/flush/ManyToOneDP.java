package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.meta.RelationshipOptions;
import dev.braid.core.internal.relation.RelationInternals;

import java.util.Deque;
import java.util.Objects;

/**
 * The dependency processor of a reference holding the foreign key (many-to-one, owning one-to-one):
 * an assigned loaded reference decides the foreign-key value, copied just before the row is written,
 * so a key generated for the referenced row earlier in the flush flows in.
 */
final class ManyToOneDP implements DependencyProcessor {
    private final RelationshipMapping r;

    ManyToOneDP(RelationshipMapping r) {
        this.r = r;
    }

    @Override
    public RelationshipMapping relationship() {
        return r;
    }

    @Override
    public boolean mayHaveChanged(EntityState state) {
        Object entity = state.entity();
        Object wrapper = r.wrapperOf(entity);
        if (!RelationInternals.isLoaded(wrapper) || !RelationInternals.isAssigned(wrapper)) return false;
        Object target = RelationInternals.peekReference(wrapper);
        Object expected = target == null ? null : r.remoteColumn().get(target);
        if (target != null && expected == null) return true; // target not written yet
        for (RelationshipOptions.ColumnPair p : r.options().extraPairs()) {
            if (!Objects.equals(p.local().get(entity), target == null ? null : p.remote().get(target))) return true;
        }
        return !Objects.equals(r.localColumn().get(entity), expected);
    }

    @Override
    public void syncForeignKey(EntityState state, Deque<Runnable> undo) {
        Object entity = state.entity();
        Object wrapper = r.wrapperOf(entity);
        if (!RelationInternals.isLoaded(wrapper) || !RelationInternals.isAssigned(wrapper)) return;
        Object target = RelationInternals.peekReference(wrapper);
        Object value = target == null ? null : r.remoteColumn().get(target);
        if (target != null && value == null) return; // the target's key is generated later
        ForeignKeySync.set(r.localColumn(), entity, value, undo);
        for (RelationshipOptions.ColumnPair p : r.options().extraPairs()) {
            ForeignKeySync.set(p.local(), entity, target == null ? null : p.remote().get(target), undo);
        }
    }

    @Override
    public Object referenced(Object entity) {
        Object wrapper = r.wrapperOf(entity);
        return RelationInternals.isLoaded(wrapper) ? RelationInternals.peekReference(wrapper) : null;
    }
}
