package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.relation.RelationInternals;

import java.util.Deque;
import java.util.List;

/**
 * The dependency processor of a many-to-many through a link table: members added to the collection
 * (or a write-only collection's additions) become link rows, members that left it lose theirs, and a
 * deleted owner's link rows go before its row.
 */
final class ManyToManyDP implements DependencyProcessor {
    private final RelationshipMapping r;

    ManyToManyDP(RelationshipMapping r) {
        this.r = r;
    }

    @Override
    public RelationshipMapping relationship() {
        return r;
    }

    @Override
    public boolean mayHaveChanged(EntityState state) {
        return CollectionMembers.changed(state, r, r.wrapperOf(state.entity()));
    }

    @Override
    public void linkChanges(EntityState state, LinkCollector links) {
        Object owner = state.entity();
        Object wrapper = r.wrapperOf(owner);
        if (r.isWriteOnly()) {
            for (Object target : RelationInternals.writeOnlyAdditions(wrapper)) links.insert(r, owner, target);
            for (Object target : RelationInternals.writeOnlyRemovals(wrapper)) links.delete(r, owner, target);
            return;
        }
        if (!RelationInternals.isLoaded(wrapper)) return;
        List<Object> before = state.collectionSnapshot(r);
        List<?> now = RelationInternals.peekCollection(wrapper);
        for (Object target : before == null ? now : CollectionMembers.missingFrom(now, before)) {
            links.insert(r, owner, target);
        }
        if (before != null) {
            for (Object target : CollectionMembers.missingFrom(before, now)) links.deleteUnlessGone(r, owner, target);
        }
    }

    @Override
    public void beforeDelete(EntityState deleted, List<FlushCommands.DeleteCommand> out) {
        out.add(new FlushCommands.OwnerLinks(r, deleted.entity())); // its link rows go before it
    }

    @Override
    public void flushed(EntityState state, Deque<Runnable> undo) {
        CollectionMembers.flushed(state, r, undo);
    }
}
