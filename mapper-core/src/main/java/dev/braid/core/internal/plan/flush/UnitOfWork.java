package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.dialect.BatchWrites;
import dev.braid.dialect.Dialect;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Tracks new, changed and deleted objects of one session and plans the statements that write them:
 * INSERTs with referenced tables (and, within a table, referenced rows) first, UPDATEs of changed
 * columns, link rows of many-to-many collections, then DELETEs with referencing tables first.
 * Relationships drive foreign keys: a loaded reference or a parent's loaded collection decides the
 * foreign-key value, copied just before the row is written, so generated keys flow into children.
 *
 * <p>A facade over the flush's parts: {@link SessionChanges} (add, delete, expunge, revert) with the
 * {@link CascadeWalk}; planning collects first ({@link FlushCollector}: the dependency processors per
 * relationship direction, the dirty check, the flush order on the shared topological sort) and then
 * emits ({@link FlushEmitter}: one step factory per statement kind).
 */
public final class UnitOfWork {
    /**
     * Rows per batched statement. Batches bind one array per column, so the number of binds does not
     * grow with the rows; the cap only bounds one statement's size (10,000 rows of a few columns are
     * well under a megabyte) and its arrays in memory.
     */
    static final int BATCH_SIZE = 10_000;

    /** Rows per multi-row VALUES insert or IN-list delete on H2, which binds every value separately. */
    static final int VALUES_BATCH_SIZE = 1_000;

    private final IdentityMap identityMap;
    private final DependencyProcessors processors;
    private final SessionChanges changes;
    private final FlushCollector collector;
    private final FlushEmitter emitter;
    private final KeyDeletes keyDeletes;

    /** A unit of work over {@code identityMap}, rendering its statements with {@code renderer}. */
    public UnitOfWork(MappingRegistry registry, IdentityMap identityMap, SqlRenderer renderer) {
        this(registry, identityMap, renderer, ValueGeneration.systemDefault());
    }

    /** A unit of work filling in generated keys, defaults and timestamps with {@code values} (the mapper's). */
    public UnitOfWork(MappingRegistry registry, IdentityMap identityMap, SqlRenderer renderer, ValueGeneration values) {
        this.identityMap = identityMap;
        Dialect dialect = renderer.dialect();
        BatchWrites writes = dialect.batchWrites();
        // PostgreSQL: every write of many rows is one statement over array binds.
        boolean batching = writes.inserts() == BatchWrites.Inserts.ARRAYS
                && writes.updates() == BatchWrites.Updates.ARRAYS && writes.deletes() == BatchWrites.Deletes.ARRAYS;
        // H2: inserts are batched as VALUES lists, their generated keys read back in row order.
        boolean insertsReturnOrderedKeys = !batching && writes.inserts() == BatchWrites.Inserts.VALUES_RETURNING_ORDERED_KEYS;
        // H2: deletes by single-column key are batched as IN lists.
        boolean deletesAsInLists = !batching && writes.deletes() == BatchWrites.Deletes.IN_LIST;
        // H2: updates of many rows (the post-updates closing cycles) as one MERGE over VALUES.
        boolean updatesAsMerge = writes.updates() == BatchWrites.Updates.MERGE_VALUES;
        // Rows per batched statement: array binds on PostgreSQL, one marker per value on H2.
        int batchLimit = batching ? BATCH_SIZE : VALUES_BATCH_SIZE;

        this.processors = new DependencyProcessors(registry);
        CascadeWalk walk = new CascadeWalk(registry, identityMap, values);
        this.changes = new SessionChanges(registry, identityMap, walk);
        FlushOrder order = new FlushOrder(registry);
        InsertCollector inserts = new InsertCollector(order, batching, insertsReturnOrderedKeys, batchLimit);
        this.collector = new FlushCollector(identityMap, walk, processors, new DirtyCheck(), inserts,
                new DeleteCollector(order, processors, batching || deletesAsInLists, batchLimit), batching, values);
        UpdateSteps updates = new UpdateSteps(renderer, identityMap, BATCH_SIZE);
        this.emitter = new FlushEmitter(
                new InsertSteps(renderer, identityMap, batching, insertsReturnOrderedKeys, BATCH_SIZE, inserts::batchable),
                updates,
                new PostUpdates(updates, batching || updatesAsMerge, batchLimit),
                new LinkSteps(renderer, batching, insertsReturnOrderedKeys, batchLimit),
                new DeleteSteps(renderer, identityMap), new DetachSteps(renderer, identityMap), batchLimit);
        this.keyDeletes = new KeyDeletes(registry, identityMap, renderer, batchLimit);
    }

    /** The identity map this unit of work tracks. */
    public IdentityMap identityMap() {
        return identityMap;
    }

    /** Makes a new object pending (inserted at the next flush), with the objects it reaches through save-update. */
    public void add(Object entity) {
        changes.add(entity);
    }

    /**
     * Marks an object for deletion at the next flush (a pending one is simply forgotten), and the
     * objects of its loaded relationships that cascade DELETE.
     */
    public void delete(Object entity) {
        changes.delete(entity);
    }

    /**
     * Marks every object for deletion, as {@link #delete} does; each is checked first, so an object the
     * session does not hold fails before any is marked.
     */
    public void deleteAll(Iterable<?> entities) {
        changes.checkDeletable(entities);
        for (Object entity : entities) changes.delete(entity);
    }

    /** Plans deleting rows by key with their cascades, without reading them (see {@link KeyDeletes}). */
    public KeyDeletes.Planned planDeleteByKeys(Class<?> type, Iterable<?> ids) {
        return keyDeletes.plan(type, ids);
    }

    /** Forgets an object (and what its loaded relationships cascade EXPUNGE to): it becomes detached. */
    public void expunge(Object entity) {
        changes.expunge(entity);
    }

    /**
     * After a rollback: pending objects leave the session, deleted ones are restored, and persistent
     * ones get back the values of their last load or flush (which, after the undo of the rolled-back
     * flushes, is what the database holds); their relationships become unloaded, since they may be stale.
     */
    public void revertToDatabase() {
        changes.revertToDatabase();
    }

    /** Plans the statements for every pending change (collect, then emit); executing them is the caller's job. */
    public FlushPlan planFlush() {
        return planFlush(null);
    }

    /**
     * What the next flush would write, before anything is planned: the objects to insert, update and
     * delete, for the lifecycle listeners and the sequence keys, which run before {@link #planFlush(PendingChanges)}.
     * Null when nothing is pending.
     */
    public PendingChanges pendingChanges() {
        if (!collector.mayHaveChanges()) return null;
        Deque<Runnable> undo = new ArrayDeque<>();
        FlushCommands commands = collector.collect(undo);
        return new PendingChanges(commands.inserted(), commands.updated(), commands.deleted(), undo);
    }

    /**
     * Plans the flush after {@link #pendingChanges()} and what ran on them (listeners may have changed
     * objects, keys were assigned): collects again, continuing the same undo log.
     *
     * @param prepared the changes the listeners saw, or null
     */
    public FlushPlan planFlush(PendingChanges prepared) {
        if (prepared == null && !collector.mayHaveChanges()) {
            return FlushPlan.empty();
        }
        Deque<Runnable> undo = prepared == null ? new ArrayDeque<>() : prepared.undo();
        FlushCommands commands = collector.collect(undo);
        List<WriteStep> steps = emitter.emit(commands, undo);
        if (steps.isEmpty()) {
            FlushPlan empty = FlushPlan.undoOnly(undo);
            empty.complete(); // nothing is written: what the collect set stays (defaults of rows not inserted)
            return empty;
        }
        return new FlushPlan(steps, undo, () -> BackPopulation.afterFlush(identityMap, processors, undo));
    }
}
