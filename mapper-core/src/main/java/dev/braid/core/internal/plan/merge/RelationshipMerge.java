package dev.braid.core.internal.plan.merge;

import dev.braid.annotation.LoadStrategy;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.plan.load.LoadNode;
import dev.braid.relation.RelatedList;
import dev.braid.relation.Reference;
import dev.braid.core.internal.relation.RelationInternals;

import java.util.ArrayList;
import java.util.List;

/**
 * One relationship of a merged object: the detached objects it holds are merged first, then the
 * session object's relationship is pointed at their copies through the wrappers' public API, so both
 * ends, orphans and link rows follow as for any change. A collection the session object has not
 * loaded is loaded first ({@link #loadFirst}), so the replacement is compared with what the database holds.
 */
public final class RelationshipMerge {
    private final RelationshipMapping relationship;
    private final Object detached;
    private final Object target;

    RelationshipMerge(RelationshipMapping relationship, Object detached, Object target) {
        this.relationship = relationship;
        this.detached = detached;
        this.target = target;
    }

    /** The relationship. */
    public RelationshipMapping relationship() {
        return relationship;
    }

    /** The session's object whose relationship is set. */
    public Object target() {
        return target;
    }

    /** The detached objects to merge, read now: a reference's target (none when null), a collection's members. */
    public List<Object> members() {
        Object source = relationship.wrapperOf(detached);
        if (!relationship.isCollection()) {
            Object related = RelationInternals.peekReference(source);
            return related == null ? List.of() : List.of(related);
        }
        return new ArrayList<>(RelationInternals.peekCollection(source));
    }

    /** The load to run on {@link #target()} before {@link #assign}, or null when none is needed. */
    public LoadNode loadFirst() {
        if (!relationship.isCollection() || RelationInternals.isLoaded(relationship.wrapperOf(target))) return null;
        return new LoadNode(relationship, LoadStrategy.SELECTIN, 0, List.of());
    }

    /** Points the session object's relationship at the merged copies of {@link #members()}, in order. */
    @SuppressWarnings("unchecked")
    public void assign(List<Object> copies) {
        Object wrapper = relationship.wrapperOf(target);
        if (relationship.isCollection()) {
            if (wrapper instanceof dev.braid.relation.RelatedSet<?> set) ((dev.braid.relation.RelatedSet<Object>) set).setAll(copies);
            else ((RelatedList<Object>) wrapper).setAll(copies);
        } else {
            ((Reference<Object>) wrapper).set(copies.isEmpty() ? null : copies.get(0));
        }
    }
}
