package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.meta.RelationshipMapping;

import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * What one relationship contributes to a flush, one implementation per direction (model: SQLAlchemy's
 * {@code orm/dependency.py}): {@link ManyToOneDP} copies the referenced object's key into the foreign
 * key; {@link OneToManyDP} copies the parent's key into its children, finds orphans, detaches or deletes
 * the unloaded children of a deleted parent and back-populates parents after the flush;
 * {@link ManyToManyDP} collects link rows. Every method is called with an object (its state) that owns
 * {@link #relationship()}; the defaults do nothing, for directions the job does not concern.
 */
interface DependencyProcessor {
    /** The relationship this processor works for. */
    RelationshipMapping relationship();

    /** The processor for {@code r}'s direction. */
    static DependencyProcessor of(RelationshipMapping r) {
        if (r.viewOnly()) return new ViewOnlyDP(r); // read, never written
        return switch (r.direction()) {
            case MANY_TO_ONE, ONE_TO_ONE -> new ManyToOneDP(r);
            case ONE_TO_MANY, ONE_TO_ONE_REVERSE -> new OneToManyDP(r);
            case MANY_TO_MANY -> new ManyToManyDP(r);
        };
    }

    /** True when the relationship of a persistent object may have something to write (a cheap probe). */
    boolean mayHaveChanged(EntityState state);

    /** Records the children the object holds through the relationship as theirs: their foreign key follows it. */
    default void parentLinks(EntityState state, Map<Object, ParentLink> parentOf) { }

    /** Reports the children that left the object's collection (or its deletion) and joined no other parent. */
    default void orphans(EntityState state, Map<Object, ParentLink> parentOf, Orphans orphans) { }

    /** Copies the referenced object's key into the object's foreign key, recording how to undo it. */
    default void syncForeignKey(EntityState state, Deque<Runnable> undo) { }

    /** The object whose key the object's foreign key takes (it must be written first), or null. */
    default Object referenced(Object entity) { return null; }

    /** Collects the link rows to insert and delete for the object's collection. */
    default void linkChanges(EntityState state, LinkCollector links) { }

    /** Collects what must go before a deleted object's row: its link rows, its unloaded children's foreign keys. */
    default void beforeDelete(EntityState deleted, List<FlushCommands.DeleteCommand> out) { }

    /** Collects the deleted object's key when its unloaded children go by their parents' keys. */
    default void childrenByParentKey(EntityState deleted, Map<RelationshipMapping, List<Object>> out) { }

    /** After a successful flush: the object's collection snapshot follows the database. */
    default void flushed(EntityState state, Deque<Runnable> undo) { }
}
