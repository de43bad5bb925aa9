package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.RelationshipMapping;

import java.util.List;
import java.util.Map;

/**
 * What one flush writes, collected from the session before any statement exists (model: SQLAlchemy's
 * {@code orm/persistence.py}, which collects the rows of a table, then emits their statements): which
 * rows to insert and in which batches, which to update, which rows wait for a post-update, which link
 * rows change, and what to delete in which order. {@link FlushEmitter} turns it into {@link WriteStep}s
 * in exactly this order.
 *
 * @param insertBatches rows to insert, in order; each batch one table's rows that can share a statement
 * @param updates       rows updated one statement each, before the groups
 * @param updateGroups  rows of one table changing the same columns, which can share a statement
 * @param postUpdates   inserted rows that reference rows inserted after them, with the foreign keys to fill in
 * @param linkDeletes   link rows to delete
 * @param linkInserts   link rows to insert
 * @param deletes       the delete work, in order
 * @param sync          the foreign-key sync each row's statement runs just before it is rendered
 * @param inserted      every row inserted, in order (for lifecycle listeners and sequence keys)
 * @param updated       every row updated
 * @param deleted       every object deleted by key (not the children deleted by their parent's key)
 */
record FlushCommands(List<List<EntityState>> insertBatches, List<EntityState> updates, List<UpdateGroup> updateGroups,
                     Map<EntityState, List<ColumnMapping>> postUpdates, List<LinkChange> linkDeletes,
                     List<LinkChange> linkInserts, List<DeleteCommand> deletes, ForeignKeySync sync,
                     List<EntityState> inserted, List<EntityState> updated, List<EntityState> deleted) {

    /** Rows of one table whose UPDATEs set the same columns. */
    record UpdateGroup(List<EntityState> rows, List<ColumnMapping> columns) {}

    /** One link row of a many-to-many. */
    record LinkChange(RelationshipMapping relationship, Object owner, Object target) {}

    /** One piece of the delete work. */
    sealed interface DeleteCommand permits OwnerLinks, DetachChildren, ChildrenByParentKeys, DeleteRows {}

    /** Every link row of a deleted owner. */
    record OwnerLinks(RelationshipMapping relationship, Object owner) implements DeleteCommand {}

    /** The unloaded children of a deleted parent lose their foreign key. */
    record DetachChildren(RelationshipMapping relationship, EntityState parent) implements DeleteCommand {}

    /** The unloaded children of deleted parents go by the parents' keys. */
    record ChildrenByParentKeys(RelationshipMapping relationship, List<Object> parentKeys) implements DeleteCommand {}

    /** Rows of one table deleted together (one row when they cannot share a statement). */
    record DeleteRows(List<EntityState> rows) implements DeleteCommand {}
}
