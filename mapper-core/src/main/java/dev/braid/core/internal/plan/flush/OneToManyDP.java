package dev.braid.core.internal.plan.flush;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.EntityStatus;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.annotation.Cascade;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.meta.RelationshipOptions;
import dev.braid.core.internal.relation.RelationInternals;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The dependency processor of a parent's side of a foreign key held by its children (one-to-many,
 * reverse one-to-one): the children in a loaded collection take the parent's key; children that left
 * it are orphans (deleted with DELETE_ORPHAN, else detached); a deleted parent's unloaded children are
 * detached with one UPDATE or deleted with one DELETE by the parent's key; after the flush, loaded
 * parents see the children that name them by foreign key.
 */
final class OneToManyDP implements DependencyProcessor {
    private final RelationshipMapping r;
    private final boolean orphansTracked;
    private final boolean byParentKey;

    OneToManyDP(RelationshipMapping r) {
        this.r = r;
        this.orphansTracked = r.direction() == RelationshipMapping.Direction.ONE_TO_MANY;
        this.byParentKey = !r.passiveDeletes() && ParentKeyDeletes.deletableByParentKey(r);
    }

    @Override
    public RelationshipMapping relationship() {
        return r;
    }

    /** True when after a flush loaded parents should see children added by foreign key only. */
    boolean backPopulates() {
        return orphansTracked && r.owner().idColumns().size() == 1 && r.localColumn() == r.owner().idColumns().get(0);
    }

    @Override
    public boolean mayHaveChanged(EntityState state) {
        return r.isCollection() && CollectionMembers.changed(state, r, r.wrapperOf(state.entity()));
    }

    @Override
    public void parentLinks(EntityState state, Map<Object, ParentLink> parentOf) {
        Object wrapper = r.wrapperOf(state.entity());
        List<?> children;
        if (r.isWriteOnly()) {
            children = RelationInternals.writeOnlyAdditions(wrapper);
        } else if (!RelationInternals.isLoaded(wrapper)) {
            return;
        } else if (r.isCollection()) {
            children = RelationInternals.peekCollection(wrapper);
        } else {
            Object child = RelationInternals.peekReference(wrapper);
            if (child != null) parentOf.put(child, new ParentLink(state.entity(), this));
            return;
        }
        if (children.isEmpty()) return;
        ParentLink link = new ParentLink(state.entity(), this);
        for (int i = 0; i < children.size(); i++) parentOf.put(children.get(i), link);
    }

    @Override
    public void orphans(EntityState state, Map<Object, ParentLink> parentOf, Orphans orphans) {
        if (!orphansTracked) return;
        Object wrapper = r.wrapperOf(state.entity());
        boolean deleted = state.status() == EntityStatus.DELETED;
        List<?> removed;
        if (r.isWriteOnly()) {
            removed = RelationInternals.writeOnlyRemovals(wrapper);
        } else {
            List<Object> before = state.collectionSnapshot(r);
            List<?> now = deleted || !RelationInternals.isLoaded(wrapper) ? List.of() : RelationInternals.peekCollection(wrapper);
            removed = before == null ? List.of() : CollectionMembers.missingFrom(before, now);
        }
        // Children of a deleted parent without a DELETE cascade are treated as orphans too.
        List<?> ofDeleted = deleted && RelationInternals.isLoaded(wrapper) ? RelationInternals.peekCollection(wrapper) : List.of();
        if (removed.isEmpty() && ofDeleted.isEmpty()) return;
        List<Object> left = new ArrayList<>(removed.size() + ofDeleted.size());
        left.addAll(removed);
        left.addAll(ofDeleted);
        for (Object child : left) {
            if (!parentOf.containsKey(child)) orphans.left(child, this);
        }
    }

    /** The child's foreign key takes the parent's key, once the parent has one. */
    void syncFromParent(Object parent, Object child, Deque<Runnable> undo) {
        Object value = r.localColumn().get(parent);
        if (value == null) return;
        ForeignKeySync.set(r.remoteColumn(), child, value, undo);
        for (RelationshipOptions.ColumnPair p : r.options().extraPairs()) {
            ForeignKeySync.set(p.remote(), child, p.local().get(parent), undo);
        }
    }

    /** An orphan kept (no DELETE_ORPHAN) loses its foreign key; a NOT NULL one fails the flush. */
    void detach(EntityState child, Deque<Runnable> undo) {
        if (!r.remoteColumn().nullable()) {
            throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, EntityChecks.describe(child) + " left "
                    + r.qualifiedName() + ", but its foreign key " + r.remoteColumn().qualifiedName()
                    + " cannot be NULL. Fix: give " + r.qualifiedName() + " cascade DELETE_ORPHAN (to delete"
                    + " such children), or move the child to another parent before flushing");
        }
        ForeignKeySync.set(r.remoteColumn(), child.entity(), null, undo);
        for (RelationshipOptions.ColumnPair p : r.options().extraPairs()) ForeignKeySync.set(p.remote(), child.entity(), null, undo);
    }

    /**
     * Deleting a parent whose children were not loaded, without a DELETE cascade: SQLAlchemy sets the
     * children's foreign key to NULL, and so does Braid, with one UPDATE. A NOT NULL key fails the
     * flush before anything is sent, naming the relationship and the fixes.
     */
    @Override
    public void beforeDelete(EntityState parent, List<FlushCommands.DeleteCommand> out) {
        if (r.passiveDeletes() || r.cascades(Cascade.DELETE)) return;
        if (!r.isWriteOnly() && RelationInternals.isLoaded(r.wrapperOf(parent.entity()))) return;
        if (!r.remoteColumn().nullable()) {
            throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot delete " + EntityChecks.describe(parent)
                    + ": its " + r.target().name() + " rows would keep " + r.remoteColumn().qualifiedName()
                    + ", which cannot be NULL, and " + r.qualifiedName() + " does not cascade DELETE. Fix: add"
                    + " Cascade.DELETE to " + r.qualifiedName() + " (and load it), or passiveDeletes = true with"
                    + " ON DELETE CASCADE in the schema, or delete the children first");
        }
        if (!r.options().extraPairs().isEmpty()) {
            throw new MapperException(ErrorCode.BRAID_NOT_LOADED, "Cannot delete " + EntityChecks.describe(parent)
                    + ": " + r.qualifiedName() + " (over a composite foreign key) is not loaded, so its children's"
                    + " foreign keys cannot be cleared. Fix: load " + r.qualifiedName() + " first (session.load),"
                    + " or passiveDeletes = true with ON DELETE CASCADE in the schema");
        }
        out.add(new FlushCommands.DetachChildren(r, parent));
    }

    @Override
    public void childrenByParentKey(EntityState deleted, Map<RelationshipMapping, List<Object>> out) {
        if (!byParentKey) return;
        if (!r.isWriteOnly() && RelationInternals.isLoaded(r.wrapperOf(deleted.entity()))) return; // cascaded in memory
        Object key = deleted.snapshot()[r.localColumn().index()];
        if (key != null) out.computeIfAbsent(r, k -> new ArrayList<>()).add(key);
    }

    @Override
    public void flushed(EntityState state, Deque<Runnable> undo) {
        if (r.isCollection()) CollectionMembers.flushed(state, r, undo);
    }

    /** After a flush: the child's loaded parent (by its foreign key) holds it. */
    void backPopulate(EntityState child, IdentityMap identityMap, BackPopulation back) {
        Object parentKey = r.remoteColumn().get(child.entity());
        if (parentKey == null) return;
        Object parent = identityMap.get(r.owner(), parentKey);
        if (parent == null) return;
        Object wrapper = r.wrapperOf(parent);
        if (!RelationInternals.isLoaded(wrapper)) return;
        if (!back.holds(wrapper, child.entity())) {
            RelationInternals.addQuietly(wrapper, child.entity());
            back.added(wrapper, child.entity(), identityMap.stateOf(parent), r);
        }
    }
}
