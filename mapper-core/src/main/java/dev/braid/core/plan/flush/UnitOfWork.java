package dev.braid.core.plan.flush;

import dev.braid.core.error.ErrorCode;
import dev.braid.core.error.MapperException;
import dev.braid.core.identity.EntityState;
import dev.braid.core.identity.EntityStatus;
import dev.braid.core.identity.IdentityMap;
import dev.braid.core.meta.Cascade;
import dev.braid.core.meta.ColumnMapping;
import dev.braid.core.meta.EntityKey;
import dev.braid.core.meta.EntityMapping;
import dev.braid.core.meta.MappingRegistry;
import dev.braid.core.meta.RelationshipMapping;
import dev.braid.core.relation.RelationInternals;
import dev.braid.core.sql.SqlRenderer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tracks new, changed and deleted objects of one session and plans the statements that write them:
 * INSERTs with referenced tables (and, within a table, referenced rows) first, UPDATEs of changed
 * columns, link rows of many-to-many collections, then DELETEs with referencing tables first.
 * Relationships drive foreign keys: a loaded reference or a parent's loaded collection decides the
 * foreign-key value, copied just before the row is written, so generated keys flow into children.
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

    private final MappingRegistry registry;
    private final IdentityMap identityMap;
    private final WritePlanner writes;
    private final boolean batching;
    // H2: inserts (only) are batched, their generated keys read back in row order.
    private final boolean insertsReturnOrderedKeys;
    // H2: deletes by single-column key are batched as IN lists.
    private final boolean deletesAsInLists;
    // Rows per batched statement: array binds on PostgreSQL, one marker per value on H2.
    private final int batchLimit;
    private final Map<EntityMapping, Integer> tableRank = new HashMap<>();
    // One-to-many relationships by child mapping: used to back-populate parents after a flush.
    private final Map<EntityMapping, List<RelationshipMapping>> incoming = new HashMap<>();
    // Mappings whose rows can reference a row of their own table or of a table inserted later (a
    // self-reference or a cycle of foreign keys): only their rows need ordering within the table and
    // post-updates; every other row goes in table order as it is.
    private final Set<EntityMapping> referencesLaterRows = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    // Foreign keys of a table to itself, by table: their rows are deleted one statement per depth level.
    private final Map<EntityMapping, List<ColumnMapping[]>> selfReferences = new IdentityHashMap<>();
    private final InsertSteps insertSteps;
    private final PostUpdates postUpdateSteps;

    public UnitOfWork(MappingRegistry registry, IdentityMap identityMap, SqlRenderer renderer) {
        this.registry = registry;
        this.identityMap = identityMap;
        this.writes = new WritePlanner(renderer, identityMap);
        this.batching = renderer.dialect().supportsArrayBatches();
        this.insertsReturnOrderedKeys = !batching && renderer.dialect().batchesInsertsReturningOrderedKeys();
        this.deletesAsInLists = !batching && renderer.dialect().batchesDeletesAsInLists();
        this.batchLimit = batching ? BATCH_SIZE : VALUES_BATCH_SIZE;
        this.insertSteps = new InsertSteps(writes, batching, insertsReturnOrderedKeys, BATCH_SIZE, this::insertBatchable);
        this.postUpdateSteps = new PostUpdates(writes, batching || renderer.dialect().batchesUpdatesAsMerge(), batchLimit);
        List<EntityMapping> order = registry.dependencyOrder();
        for (int i = 0; i < order.size(); i++) {
            tableRank.put(order.get(i), i);
        }
        for (EntityMapping m : registry.entities()) {
            for (RelationshipMapping r : m.relationships()) {
                if (r.direction() == RelationshipMapping.Direction.ONE_TO_MANY && m.idColumns().size() == 1
                        && r.localColumn() == m.idColumns().get(0)) {
                    incoming.computeIfAbsent(r.target(), k -> new ArrayList<>()).add(r);
                }
                // The row holding the foreign key waits for the referenced row: a problem only when that
                // row's table does not come earlier.
                if (r.link() != null) continue;
                EntityMapping holder = r.ownsForeignKey() ? m : r.target();
                EntityMapping referenced = r.ownsForeignKey() ? r.target() : m;
                if (rank(referenced) >= rank(holder)) referencesLaterRows.add(holder);
            }
            List<ColumnMapping[]> toItself = SelfReferenceLevels.selfReferences(m);
            if (!toItself.isEmpty()) selfReferences.put(m, toItself);
        }
    }

    public IdentityMap identityMap() {
        return identityMap;
    }

    /** Makes a new object pending (inserted at the next flush), with the objects it reaches through save-update. */
    public void add(Object entity) {
        EntityMapping mapping = writableMapping(entity, "add");
        EntityState state = identityMap.stateOf(entity);
        if (state == null) {
            identityMap.pending(mapping, entity);
        } else if (state.status() == EntityStatus.DELETED) {
            identityMap.restore(state); // SQLAlchemy: adding a deleted object back un-deletes it
        }
        // Only from the added object: a walk over the whole session per add made addAll quadratic.
        cascadeSaveUpdate(List.of(identityMap.stateOf(entity)));
    }

    /**
     * Marks an object for deletion at the next flush (a pending one is simply forgotten), and the
     * objects of its loaded relationships that cascade DELETE.
     */
    public void delete(Object entity) {
        delete(entity, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private void delete(Object entity, Set<Object> visited) {
        if (!visited.add(entity)) return;
        EntityMapping mapping = writableMapping(entity, "delete");
        EntityState state = identityMap.stateOf(entity);
        if (state == null) {
            throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot delete " + mapping.name()
                    + (mapping.keyOf(entity) == null ? "" : " " + mapping.keyOf(entity))
                    + ": it is not in this session. Fix: load it in this session first (session.get), then delete it");
        }
        for (RelationshipMapping r : mapping.relationships()) {
            if (!r.cascades(Cascade.DELETE)) continue;
            Object wrapper = r.wrapperOf(entity);
            if (!RelationInternals.isLoaded(wrapper) && r.passiveDeletes()) continue; // ON DELETE CASCADE does it
            // Children nobody loaded: the flush deletes them by this object's key, without reading them.
            if (!RelationInternals.isLoaded(wrapper) && deletableByParentKey(r)) continue;
            if (!RelationInternals.isLoaded(wrapper)) {
                throw new MapperException(ErrorCode.BRAID_NOT_LOADED, "Cannot delete " + describe(state) + ": "
                        + r.qualifiedName() + " cascades DELETE but is not loaded, and each " + r.target().name()
                        + " needs work of its own when deleted (" + whyReadFirst(r) + "), so Braid must read them first."
                        + " Fix: load it first (session.load(entity, " + mapping.name() + "_." + r.attribute()
                        + ") or Loads.selectin in the query), or let the database cascade (passiveDeletes = true)");
            }
            for (Object related : related(r, wrapper)) {
                if (identityMap.stateOf(related) != null) delete(related, visited);
            }
        }
        if (state.status() == EntityStatus.PENDING) {
            identityMap.remove(state);
        } else {
            identityMap.markDeleted(state);
        }
    }

    /** Forgets an object (and what its loaded relationships cascade EXPUNGE to): it becomes detached. */
    public void expunge(Object entity) {
        Deque<Object> work = new ArrayDeque<>(List.of(entity));
        Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        while (!work.isEmpty()) {
            Object next = work.pop();
            if (!seen.add(next)) continue;
            EntityState state = identityMap.stateOf(next);
            if (state == null) {
                if (next == entity) {
                    throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot expunge "
                            + entity.getClass().getSimpleName() + ": it is not in this session");
                }
                continue;
            }
            for (RelationshipMapping r : state.mapping().relationships()) {
                if (!r.cascades(Cascade.EXPUNGE) || r.isWriteOnly()) continue;
                Object wrapper = r.wrapperOf(next);
                if (RelationInternals.isLoaded(wrapper)) work.addAll(related(r, wrapper));
            }
            identityMap.remove(state);
        }
    }

    /**
     * After a rollback: pending objects leave the session, deleted ones are restored, and persistent
     * ones get back the values of their last load or flush (which, after the undo of the rolled-back
     * flushes, is what the database holds); their relationships become unloaded, since they may be stale.
     */
    public void revertToDatabase() {
        for (EntityState state : identityMap.states()) {
            switch (state.status()) {
                case PENDING -> identityMap.remove(state);
                case DELETED -> identityMap.restore(state);
                case PERSISTENT -> { }
            }
            if (state.status() != EntityStatus.PERSISTENT || state.snapshot() == null) continue;
            Object[] snapshot = state.snapshot();
            for (ColumnMapping column : state.mapping().columns()) {
                column.set(state.entity(), column.fromDatabase(snapshot[column.index()]));
            }
            for (RelationshipMapping r : state.mapping().relationships()) {
                Object wrapper = r.wrapperOf(state.entity());
                if (r.isWriteOnly()) RelationInternals.clearWriteOnly(wrapper);
                else RelationInternals.unload(wrapper);
                state.collectionSnapshot(r, null);
            }
        }
    }

    /** Plans the statements for every pending change; executing them is the caller's job. */
    public FlushPlan planFlush() {
        if (!mayHaveChanges()) {
            return FlushPlan.empty();
        }
        cascadeSaveUpdate();
        Map<Object, ParentLink> parentOf = parentLinks();
        Map<Object, RelationshipMapping> nullify = new IdentityHashMap<>();
        collectOrphans(parentOf, nullify);
        ForeignKeySync sync = new ForeignKeySync(parentOf, nullify);

        List<EntityState> inserts = new ArrayList<>();
        List<EntityState> updates = new ArrayList<>();
        List<EntityState> deletes = new ArrayList<>();
        Deque<Runnable> undo = new ArrayDeque<>();
        for (EntityState state : identityMap.states()) {
            switch (state.status()) {
                case PENDING -> inserts.add(state);
                case DELETED -> deletes.add(state);
                case PERSISTENT -> {
                    sync.apply(state, undo);
                    if (writes.isDirty(state) || sync.dependsOnPending(state, identityMap)) updates.add(state);
                }
            }
        }
        List<WriteStep> steps = new ArrayList<>();
        List<EntityState> orderedInserts = orderInserts(inserts, sync);
        Map<EntityState, List<ColumnMapping>> postUpdates = cycleBreaks(orderedInserts, sync);
        insertSteps.add(insertBatches(orderedInserts, sync), undo, s -> sync.apply(s, undo), steps);
        updateSteps(updates, sync, undo, steps);
        // Rows inserted before the row they reference (a cycle) get that key with an UPDATE afterwards.
        postUpdateSteps.add(postUpdates, undo, s -> sync.apply(s, undo), steps);
        linkChanges(steps);
        sortByRank(deletes, true);
        for (EntityState s : deletes) {
            for (RelationshipMapping r : s.mapping().relationships()) {
                if (r.direction() == RelationshipMapping.Direction.MANY_TO_MANY) {
                    steps.add(writes.linkDelete(r, s.entity(), null)); // its link rows go before it
                } else if (unloadedChildrenToDetach(r, s)) {
                    steps.add(writes.detachChildren(r, s, undo));
                }
            }
        }
        Map<RelationshipMapping, List<Object>> childrenByParentKey = childrenToDeleteByParentKey(deletes);
        for (List<EntityState> batch : deleteBatchesByLevel(deletes)) {
            // Children deleted by their parents' keys go just before the parents' own rows; their table's
            // explicitly deleted rows (a higher rank) have gone already.
            EntityMapping parents = batch.get(0).mapping();
            for (var it = childrenByParentKey.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<RelationshipMapping, List<Object>> e = it.next();
                if (e.getKey().owner() != parents) continue;
                List<Object> keys = e.getValue();
                for (int from = 0; from < keys.size(); from += batchLimit) {
                    steps.add(writes.deleteByParentKeys(e.getKey(),
                            List.copyOf(keys.subList(from, Math.min(keys.size(), from + batchLimit))), undo));
                }
                it.remove();
            }
            steps.add(batch.size() == 1 ? writes.delete(batch.get(0), undo) : writes.deleteBatch(batch, undo));
        }
        if (steps.isEmpty()) {
            return FlushPlan.empty();
        }
        return new FlushPlan(steps, undo, () -> afterFlush(undo));
    }

    /**
     * One cheap pass that proves most flushes empty (a session that only read, the autoflush before
     * every query): anything new or deleted, a changed column, a reference that disagrees with its
     * foreign key, a collection that differs from its snapshot, or pending write-only changes means
     * the full planning has to run.
     */
    private boolean mayHaveChanges() {
        return identityMap.anyState(this::mayHaveChanged);
    }

    private boolean mayHaveChanged(EntityState state) {
        if (state.status() != EntityStatus.PERSISTENT || writes.isDirty(state)) return true;
        Object entity = state.entity();
        for (RelationshipMapping r : state.mapping().relationships()) {
            Object wrapper = r.wrapperOf(entity);
            if (r.isWriteOnly()) {
                if (!RelationInternals.writeOnlyAdditions(wrapper).isEmpty()
                        || !RelationInternals.writeOnlyRemovals(wrapper).isEmpty()) return true;
                continue;
            }
            if (!RelationInternals.isLoaded(wrapper)) continue;
            if (r.isCollection()) {
                List<Object> snapshot = state.collectionSnapshot(r);
                List<?> now = RelationInternals.peekCollection(wrapper);
                if (snapshot == null ? !now.isEmpty() : !sameMembers(snapshot, now)) return true;
            } else if (r.ownsForeignKey() && RelationInternals.isAssigned(wrapper)) {
                Object target = RelationInternals.peekReference(wrapper);
                Object expected = target == null ? null : r.remoteColumn().get(target);
                if (target != null && expected == null) return true; // target not written yet
                if (!java.util.Objects.equals(r.localColumn().get(entity), expected)) return true;
            }
        }
        return false;
    }

    private static boolean sameMembers(List<?> a, List<?> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) return false;
        }
        return true;
    }

    // ----------------------------------------------------------------------------------- cascades

    private void cascadeSaveUpdate() {
        List<EntityState> all = new ArrayList<>();
        for (EntityState state : identityMap.states()) {
            if (state.status() != EntityStatus.DELETED) all.add(state);
        }
        cascadeSaveUpdate(all);
    }

    // Each walk marks the states it reached with a number of its own, instead of filling a set.
    private int walk;

    private void cascadeSaveUpdate(List<EntityState> from) {
        int mark = ++walk;
        Deque<EntityState> work = new ArrayDeque<>(from);
        while (!work.isEmpty()) {
            EntityState state = work.pop();
            if (state.walked == mark) continue;
            state.walked = mark;
            Object entity = state.entity();
            for (RelationshipMapping r : state.mapping().relationships()) {
                if (!r.cascades(Cascade.SAVE_UPDATE)) continue;
                Object wrapper = r.wrapperOf(entity);
                if (r.isWriteOnly()) {
                    reach(RelationInternals.writeOnlyAdditions(wrapper), mark, work);
                } else if (!RelationInternals.isLoaded(wrapper)) {
                    continue;
                } else if (r.isCollection()) {
                    // Read in place: registering a pending object changes no collection.
                    reach(RelationInternals.peekCollection(wrapper), mark, work);
                } else {
                    Object target = RelationInternals.peekReference(wrapper);
                    if (target != null) reach(target, mark, work);
                }
            }
        }
    }

    private void reach(List<?> related, int mark, Deque<EntityState> work) {
        for (int i = 0; i < related.size(); i++) reach(related.get(i), mark, work);
    }

    private void reach(Object related, int mark, Deque<EntityState> work) {
        EntityState state = identityMap.stateOf(related);
        if (state == null) state = identityMap.pending(writableMapping(related, "cascade to"), related);
        if (state.walked != mark && state.status() != EntityStatus.DELETED) work.push(state);
    }

    private static List<?> related(RelationshipMapping r, Object wrapper) {
        if (r.isCollection()) return new ArrayList<>(RelationInternals.peekCollection(wrapper));
        Object target = RelationInternals.peekReference(wrapper);
        return target == null ? List.of() : List.of(target);
    }

    // ------------------------------------------------------------------------- parents and orphans

    /** A child's parent through a loaded one-to-many collection (or reverse one-to-one). */
    record ParentLink(Object parent, RelationshipMapping relationship) {}

    private Map<Object, ParentLink> parentLinks() {
        Map<Object, ParentLink> parentOf = new IdentityHashMap<>();
        for (EntityState state : identityMap.states()) {
            if (state.status() == EntityStatus.DELETED) continue;
            for (RelationshipMapping r : state.mapping().relationships()) {
                if (r.direction() != RelationshipMapping.Direction.ONE_TO_MANY
                        && r.direction() != RelationshipMapping.Direction.ONE_TO_ONE_REVERSE) continue;
                Object wrapper = r.wrapperOf(state.entity());
                List<?> children = r.isWriteOnly() ? RelationInternals.writeOnlyAdditions(wrapper)
                        : RelationInternals.isLoaded(wrapper) ? related(r, wrapper) : List.of();
                for (Object child : children) {
                    parentOf.put(child, new ParentLink(state.entity(), r));
                }
            }
        }
        return parentOf;
    }

    /**
     * Children that left a loaded one-to-many collection (SQLAlchemy: removed, or the collection
     * replaced) and joined no other parent: deleted with DELETE_ORPHAN, else their foreign key is set
     * to NULL. Children of a deleted parent without a DELETE cascade are treated the same way.
     */
    private void collectOrphans(Map<Object, ParentLink> parentOf, Map<Object, RelationshipMapping> nullify) {
        for (EntityState state : identityMap.states()) {
            for (RelationshipMapping r : state.mapping().relationships()) {
                if (r.direction() != RelationshipMapping.Direction.ONE_TO_MANY) continue;
                Object wrapper = r.wrapperOf(state.entity());
                List<Object> left = new ArrayList<>();
                if (r.isWriteOnly()) {
                    left.addAll(RelationInternals.writeOnlyRemovals(wrapper));
                } else {
                    List<Object> before = state.collectionSnapshot(r);
                    List<?> now = state.status() == EntityStatus.DELETED || !RelationInternals.isLoaded(wrapper)
                            ? List.of() : RelationInternals.peekCollection(wrapper);
                    if (before != null) left.addAll(missingFrom(before, now));
                }
                if (state.status() == EntityStatus.DELETED && RelationInternals.isLoaded(wrapper)) {
                    left.addAll(RelationInternals.peekCollection(wrapper));
                }
                for (Object child : left) {
                    EntityState childState = identityMap.stateOf(child);
                    if (childState == null || childState.status() == EntityStatus.DELETED || parentOf.containsKey(child)) {
                        continue;
                    }
                    if (r.cascades(Cascade.DELETE_ORPHAN)) {
                        delete(child);
                    } else {
                        nullify.put(child, r);
                    }
                }
            }
        }
    }

    /**
     * The members of {@code from} that {@code in} does not hold (by identity), in order. Unchanged
     * collections (the usual case at every flush) cost one pass; long ones are compared through an
     * identity set, not member by member.
     */
    private static List<Object> missingFrom(List<?> from, List<?> in) {
        if (sameMembers(from, in)) return List.of();
        List<Object> missing = new ArrayList<>();
        Set<Object> present = in.size() > SCAN_LIMIT ? identitySet(in) : null;
        for (Object o : from) {
            if (present == null ? !containsIdentity(in, o) : !present.contains(o)) missing.add(o);
        }
        return missing;
    }

    // Up to this many members a scan beats building an identity set.
    private static final int SCAN_LIMIT = 8;

    private static Set<Object> identitySet(List<?> members) {
        Set<Object> set = java.util.Collections.newSetFromMap(new IdentityHashMap<>(members.size() * 2));
        set.addAll(members);
        return set;
    }

    private static boolean containsIdentity(List<?> list, Object element) {
        for (Object o : list) if (o == element) return true;
        return false;
    }

    // ------------------------------------------------------------------------------------ ordering

    /**
     * Referenced tables first; within a table that references its own rows (or a table inserted later),
     * referenced rows first, level by level ({@link SelfReferenceLevels}), so each level can be one statement.
     */
    private List<EntityState> orderInserts(List<EntityState> inserts, ForeignKeySync sync) {
        sortByRank(inserts, false); // stable: keeps add order per table
        for (int from = 0, to; from < inserts.size(); from = to) {
            EntityMapping mapping = inserts.get(from).mapping();
            to = from + 1;
            while (to < inserts.size() && inserts.get(to).mapping() == mapping) to++;
            if (!referencesLaterRows.contains(mapping) || to - from < 2) continue;
            List<EntityState> table = new ArrayList<>(inserts.subList(from, to));
            SelfReferenceLevels.sortParentsFirst(table, sync::dependencies);
            for (int i = 0; i < table.size(); i++) inserts.set(from + i, table.get(i));
        }
        return inserts;
    }

    /**
     * True when the rows of {@code r}'s targets can be deleted with one statement by their parents' keys
     * instead of being read and deleted one by one: the targets hold the foreign key (one-to-many,
     * reverse one-to-one), and deleting one of them needs nothing else (no rows of their own to cascade
     * to or detach, no link rows, no version to check) unless the database does it (passiveDeletes).
     */
    static boolean deletableByParentKey(RelationshipMapping r) {
        return r.cascades(Cascade.DELETE) && whyReadFirst(r) == null;
    }

    /** Why the targets of {@code r} must be read before they can be deleted, or null when they need not be. */
    private static String whyReadFirst(RelationshipMapping r) {
        EntityMapping target = r.target();
        if (r.ownsForeignKey() || r.link() != null) return "it is not a child holding the foreign key";
        if (target.versionColumn().isPresent()) return "its version is checked";
        if (r.owner().idColumns().size() != 1) return r.owner().name() + " has a composite key";
        for (RelationshipMapping own : target.relationships()) {
            // A reference to another row needs nothing when this row goes; rows referencing it do.
            if (!own.ownsForeignKey() && !own.passiveDeletes()) return own.qualifiedName() + " must be cascaded or detached";
        }
        return null;
    }

    /** The keys of deleted parents whose unloaded children go by key, per relationship, in delete order. */
    private Map<RelationshipMapping, List<Object>> childrenToDeleteByParentKey(List<EntityState> deletes) {
        Map<RelationshipMapping, List<Object>> byRelationship = new LinkedHashMap<>();
        for (EntityState s : deletes) {
            for (RelationshipMapping r : s.mapping().relationships()) {
                if (r.passiveDeletes() || !deletableByParentKey(r)) continue;
                if (!r.isWriteOnly() && RelationInternals.isLoaded(r.wrapperOf(s.entity()))) continue; // cascaded in memory
                Object key = s.snapshot()[r.localColumn().index()];
                if (key != null) byRelationship.computeIfAbsent(r, k -> new ArrayList<>()).add(key);
            }
        }
        return byRelationship;
    }

    /**
     * Deleting a parent whose children were not loaded, without a DELETE cascade: SQLAlchemy sets the
     * children's foreign key to NULL, and so does Braid, with one UPDATE. A NOT NULL key fails the
     * flush before anything is sent, naming the relationship and the fixes.
     */
    private boolean unloadedChildrenToDetach(RelationshipMapping r, EntityState parent) {
        if (r.ownsForeignKey() || r.link() != null || r.passiveDeletes() || r.cascades(Cascade.DELETE)) return false;
        if (r.isWriteOnly() ? false : RelationInternals.isLoaded(r.wrapperOf(parent.entity()))) return false;
        if (!r.remoteColumn().nullable()) {
            throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot delete " + describe(parent) + ": its "
                    + r.target().name() + " rows would keep " + r.remoteColumn().qualifiedName() + ", which cannot be NULL,"
                    + " and " + r.qualifiedName() + " does not cascade DELETE. Fix: add Cascade.DELETE to "
                    + r.qualifiedName() + " (and load it), or passiveDeletes = true with ON DELETE CASCADE in the"
                    + " schema, or delete the children first");
        }
        return true;
    }

    /**
     * Inserts that reference a row inserted after them (a cycle: mutual foreign keys, or two new rows
     * pointing at each other): their key is written by a post-update once both rows exist. A NOT NULL
     * key cannot wait, so such a cycle is reported, naming it.
     */
    private Map<EntityState, List<ColumnMapping>> cycleBreaks(List<EntityState> ordered, ForeignKeySync sync) {
        if (ordered.stream().noneMatch(s -> referencesLaterRows.contains(s.mapping()))) return Map.of();
        Map<Object, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < ordered.size(); i++) position.put(ordered.get(i).entity(), i);
        Map<EntityState, List<ColumnMapping>> postUpdates = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            EntityState s = ordered.get(i);
            if (!referencesLaterRows.contains(s.mapping())) continue; // what it references comes earlier
            for (Map.Entry<Object, ColumnMapping> dependency : sync.dependencyColumns(s).entrySet()) {
                Integer at = position.get(dependency.getKey());
                if (at == null || at < i) continue;
                ColumnMapping fk = dependency.getValue();
                if (!fk.nullable()) {
                    throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot order the inserts: "
                            + describe(s) + " needs the key of " + dependency.getKey().getClass().getSimpleName()
                            + " inserted after it (a cycle of foreign keys), and " + fk.qualifiedName()
                            + " is NOT NULL, so it cannot be filled in by a later UPDATE. Fix: make "
                            + fk.qualifiedName() + " nullable, or flush one side of the cycle first");
                }
                List<ColumnMapping> waiting = postUpdates.computeIfAbsent(s, k -> new ArrayList<>());
                if (!waiting.contains(fk)) waiting.add(fk);
            }
        }
        return postUpdates;
    }

    // ------------------------------------------------------------------------------------ batches

    /**
     * Consecutive inserts of one table, cut where a row depends on a row of the current batch (its key
     * is not known before that batch runs), at the batch limit, and to single rows where the
     * dialect or a column type cannot batch.
     */
    private List<List<EntityState>> insertBatches(List<EntityState> ordered, ForeignKeySync sync) {
        List<List<EntityState>> batches = new ArrayList<>();
        List<EntityState> current = new ArrayList<>();
        Set<Object> inCurrent = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (EntityState s : ordered) {
            boolean fits = insertBatchable(s) && !current.isEmpty() && insertBatchable(current.get(0))
                    && current.get(0).mapping() == s.mapping() && current.size() < batchLimit
                    && (!referencesLaterRows.contains(s.mapping()) || sync.dependencies(s).stream().noneMatch(inCurrent::contains));
            if (!fits && !current.isEmpty()) {
                batches.add(current);
                current = new ArrayList<>();
                inCurrent.clear();
            }
            current.add(s);
            if (referencesLaterRows.contains(s.mapping())) inCurrent.add(s.entity()); // only these can depend on it
        }
        if (!current.isEmpty()) batches.add(current);
        return batches;
    }

    /**
     * UPDATEs: rows of one table changing the same columns, with single-column keys, no version check
     * and no key still to come from a pending insert, share one statement where the dialect batches;
     * the rest are one statement each, rendered when their turn comes.
     */
    private void updateSteps(List<EntityState> updates, ForeignKeySync sync, Deque<Runnable> undo, List<WriteStep> steps) {
        Map<List<Object>, List<EntityState>> groups = new LinkedHashMap<>();
        Map<List<Object>, List<ColumnMapping>> groupColumns = new HashMap<>();
        for (EntityState s : updates) {
            EntityMapping m = s.mapping();
            boolean batchable = batching && m.idColumns().size() == 1 && m.versionColumn().isEmpty()
                    && m.arrayBindable() && !sync.dependsOnPending(s, identityMap);
            if (!batchable) {
                steps.add(writes.update(s, undo, () -> sync.apply(s, undo)));
                continue;
            }
            List<ColumnMapping> changed = writes.changedColumns(s);
            List<Object> key = new ArrayList<>();
            key.add(m);
            key.addAll(changed);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            groupColumns.put(key, changed);
        }
        for (Map.Entry<List<Object>, List<EntityState>> group : groups.entrySet()) {
            List<EntityState> states = group.getValue();
            List<ColumnMapping> columns = groupColumns.get(group.getKey());
            for (int i = 0; i < states.size(); i += BATCH_SIZE) {
                List<EntityState> batch = states.subList(i, Math.min(states.size(), i + BATCH_SIZE));
                if (batch.size() == 1 || columns.isEmpty()) {
                    for (EntityState s : batch) steps.add(writes.update(s, undo, () -> sync.apply(s, undo)));
                } else {
                    steps.add(writes.updateBatch(new ArrayList<>(batch), columns, undo));
                }
            }
        }
    }

    /**
     * H2 batches only rows whose key the database generates (or that have no generated key): the
     * statement leaves the key column out, so an object with an id assigned by hand goes alone.
     */
    private boolean insertBatchable(EntityState s) {
        return s.mapping().arrayBindable() && (batching || insertsReturnOrderedKeys && keyLeftToTheDatabase(s));
    }

    private static boolean keyLeftToTheDatabase(EntityState s) {
        ColumnMapping generated = s.mapping().generatedColumn().orElse(null);
        if (generated != null && s.mapping().columns().size() == 1) return false; // nothing else to write
        return generated == null || generated.get(s.entity()) == null;
    }

    /**
     * The delete batches, where rows of a table that references itself go one level at a time,
     * deepest first ({@link SelfReferenceLevels}): no statement deletes a row with a row referencing it.
     */
    private List<List<EntityState>> deleteBatchesByLevel(List<EntityState> ordered) {
        if (selfReferences.isEmpty()) return deleteBatches(ordered);
        List<List<EntityState>> batches = new ArrayList<>();
        for (int from = 0, to; from < ordered.size(); from = to) {
            EntityMapping mapping = ordered.get(from).mapping();
            to = from + 1;
            while (to < ordered.size() && ordered.get(to).mapping() == mapping) to++;
            List<ColumnMapping[]> references = selfReferences.getOrDefault(mapping, List.of());
            for (List<EntityState> level : SelfReferenceLevels.deepestFirst(ordered.subList(from, to), references)) {
                batches.addAll(deleteBatches(level));
            }
        }
        return batches;
    }

    /** Consecutive deletes of one table with single-column keys and no version check. */
    private List<List<EntityState>> deleteBatches(List<EntityState> ordered) {
        List<List<EntityState>> batches = new ArrayList<>();
        List<EntityState> current = new ArrayList<>();
        for (EntityState s : ordered) {
            boolean batchable = (batching || deletesAsInLists) && s.mapping().idColumns().size() == 1
                    && s.mapping().versionColumn().isEmpty();
            boolean fits = batchable && !current.isEmpty() && current.get(0).mapping() == s.mapping()
                    && current.size() < batchLimit;
            if (!fits && !current.isEmpty()) {
                batches.add(current);
                current = new ArrayList<>();
            }
            current.add(s);
            if (!batchable) {
                batches.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) batches.add(current);
        return batches;
    }

    // --------------------------------------------------------------------------------- link rows

    private record LinkChange(RelationshipMapping relationship, Object owner, Object target) {}

    private void linkChanges(List<WriteStep> steps) {
        Map<List<Object>, LinkChange> inserts = new LinkedHashMap<>();
        Map<List<Object>, LinkChange> deletes = new LinkedHashMap<>();
        for (EntityState state : identityMap.states()) {
            if (state.status() == EntityStatus.DELETED) continue;
            for (RelationshipMapping r : state.mapping().relationships()) {
                if (r.direction() != RelationshipMapping.Direction.MANY_TO_MANY) continue;
                Object wrapper = r.wrapperOf(state.entity());
                if (r.isWriteOnly()) {
                    for (Object target : RelationInternals.writeOnlyAdditions(wrapper)) {
                        inserts.putIfAbsent(pairKey(r, state.entity(), target), new LinkChange(r, state.entity(), target));
                    }
                    for (Object target : RelationInternals.writeOnlyRemovals(wrapper)) {
                        deletes.putIfAbsent(pairKey(r, state.entity(), target), new LinkChange(r, state.entity(), target));
                    }
                    continue;
                }
                if (!RelationInternals.isLoaded(wrapper)) continue;
                List<Object> before = state.collectionSnapshot(r);
                List<?> now = RelationInternals.peekCollection(wrapper);
                for (Object target : before == null ? now : missingFrom(now, before)) {
                    inserts.putIfAbsent(pairKey(r, state.entity(), target), new LinkChange(r, state.entity(), target));
                }
                if (before != null) {
                    for (Object target : missingFrom(before, now)) {
                        EntityState targetState = identityMap.stateOf(target);
                        if (targetState != null && targetState.status() != EntityStatus.DELETED) {
                            deletes.putIfAbsent(pairKey(r, state.entity(), target), new LinkChange(r, state.entity(), target));
                        }
                    }
                }
            }
        }
        // The same pair seen from both ends of a many-to-many is one link row.
        deletes.keySet().removeIf(inserts::containsKey);
        linkSteps(deletes.values(), false, steps);
        linkSteps(inserts.values(), true, steps);
    }

    /** One statement per link row, or one per relationship and batch where the dialect batches. */
    private void linkSteps(java.util.Collection<LinkChange> changes, boolean insert, List<WriteStep> steps) {
        if (!batching && !(insert && insertsReturnOrderedKeys)) {
            for (LinkChange c : changes) {
                steps.add(insert ? writes.linkInsert(c.relationship(), c.owner(), c.target())
                        : writes.linkDelete(c.relationship(), c.owner(), c.target()));
            }
            return;
        }
        Map<RelationshipMapping, List<Object[]>> byRelationship = new LinkedHashMap<>();
        for (LinkChange c : changes) {
            byRelationship.computeIfAbsent(c.relationship(), k -> new ArrayList<>()).add(new Object[]{c.owner(), c.target()});
        }
        for (Map.Entry<RelationshipMapping, List<Object[]>> e : byRelationship.entrySet()) {
            List<Object[]> pairs = e.getValue();
            for (int i = 0; i < pairs.size(); i += batchLimit) {
                List<Object[]> batch = pairs.subList(i, Math.min(pairs.size(), i + batchLimit));
                if (batch.size() == 1) {
                    steps.add(insert ? writes.linkInsert(e.getKey(), batch.get(0)[0], batch.get(0)[1])
                            : writes.linkDelete(e.getKey(), batch.get(0)[0], batch.get(0)[1]));
                } else {
                    steps.add(writes.linkBatch(e.getKey(), new ArrayList<>(batch), insert));
                }
            }
        }
    }

    /** Identifies a link row independently of which end it was seen from. */
    private static List<Object> pairKey(RelationshipMapping r, Object owner, Object target) {
        String table = r.link().table().toLowerCase(java.util.Locale.ROOT);
        boolean ownerFirst = r.link().ownerColumn().compareToIgnoreCase(r.link().targetColumn()) < 0;
        Object first = ownerFirst ? owner : target;
        Object second = ownerFirst ? target : owner;
        return List.of(table, new IdentityKey(first), new IdentityKey(second));
    }

    private record IdentityKey(Object object) {
        @Override
        public boolean equals(Object o) { return o instanceof IdentityKey k && k.object == object; }

        @Override
        public int hashCode() { return System.identityHashCode(object); }
    }

    // ------------------------------------------------------------------------------- after flush

    /** Collection snapshots follow the database; parents held by the session see children added by foreign key. */
    private void afterFlush(Deque<Runnable> undo) {
        BackPopulation backPopulation = new BackPopulation();
        for (EntityState state : identityMap.states()) {
            if (state.status() != EntityStatus.PERSISTENT) continue;
            for (RelationshipMapping r : state.mapping().relationships()) {
                if (!r.isCollection()) continue;
                Object wrapper = r.wrapperOf(state.entity());
                if (r.isWriteOnly()) {
                    undo.push(RelationInternals.clearWriteOnly(wrapper));
                    continue;
                }
                if (!RelationInternals.isLoaded(wrapper)) continue;
                List<Object> previous = state.collectionSnapshot(r);
                state.collectionSnapshot(r, RelationInternals.peekCollection(wrapper));
                undo.push(() -> state.collectionSnapshot(r, previous));
            }
            backPopulate(state, backPopulation);
        }
        backPopulation.recordSnapshots();
    }

    private void backPopulate(EntityState child, BackPopulation back) {
        for (RelationshipMapping r : incoming.getOrDefault(child.mapping(), List.of())) {
            Object parentKey = r.remoteColumn().get(child.entity());
            if (parentKey == null) continue;
            Object parent = identityMap.get(r.owner(), parentKey);
            if (parent == null) continue;
            Object wrapper = r.wrapperOf(parent);
            if (!RelationInternals.isLoaded(wrapper)) continue;
            if (!back.holds(wrapper, child.entity())) {
                RelationInternals.addQuietly(wrapper, child.entity());
                back.added(wrapper, child.entity(), identityMap.stateOf(parent), r);
            }
        }
    }

    /**
     * One flush's back-population: which loaded collections hold which children (an identity set per
     * long collection, built once, instead of a scan per child: every object is checked after every
     * flush), and which collections gained members, whose snapshots are recorded once at the end
     * (the members are in the database already) instead of copied once per added child.
     */
    private static final class BackPopulation {
        private final Map<Object, Set<Object>> members = new IdentityHashMap<>();
        private final Map<Object, Map.Entry<EntityState, RelationshipMapping>> grown = new IdentityHashMap<>();

        boolean holds(Object wrapper, Object child) {
            List<?> now = RelationInternals.peekCollection(wrapper);
            if (now.size() <= SCAN_LIMIT) return containsIdentity(now, child);
            return members.computeIfAbsent(wrapper, w -> identitySet(now)).contains(child);
        }

        void added(Object wrapper, Object child, EntityState parent, RelationshipMapping r) {
            Set<Object> set = members.get(wrapper);
            if (set != null) set.add(child);
            grown.putIfAbsent(wrapper, Map.entry(parent, r));
        }

        void recordSnapshots() {
            for (Map.Entry<Object, Map.Entry<EntityState, RelationshipMapping>> e : grown.entrySet()) {
                EntityState parent = e.getValue().getKey();
                RelationshipMapping r = e.getValue().getValue();
                if (parent != null && parent.collectionSnapshot(r) != null) {
                    parent.collectionSnapshot(r, RelationInternals.peekCollection(e.getKey()));
                }
            }
        }
    }

    // --------------------------------------------------------------------------------------- misc

    private int rank(EntityMapping mapping) {
        return tableRank.getOrDefault(mapping, Integer.MAX_VALUE);
    }

    /**
     * Sorts states by their table's rank (referenced tables first, or last when {@code descending}),
     * keeping session order within a table. Each state becomes one long (rank, position) sorted as a
     * primitive: a comparator looking ranks up was a tenth of planning a flush of 11,000 rows.
     */
    private void sortByRank(List<EntityState> states, boolean descending) {
        int n = states.size();
        if (n < 2) return;
        long[] keyed = new long[n];
        EntityMapping last = null;
        long rank = 0;
        for (int i = 0; i < n; i++) {
            EntityMapping m = states.get(i).mapping();
            if (m != last) {
                last = m;
                int r = rank(m);
                rank = descending ? Integer.MAX_VALUE - (long) r : r;
            }
            keyed[i] = rank << 32 | i;
        }
        Arrays.sort(keyed);
        EntityState[] sorted = new EntityState[n];
        for (int i = 0; i < n; i++) sorted[i] = states.get((int) keyed[i]);
        for (int i = 0; i < n; i++) states.set(i, sorted[i]);
    }

    private static String describe(EntityState state) {
        return state.key() == null ? state.mapping().name() : state.key().toString();
    }

    private EntityMapping writableMapping(Object entity, String operation) {
        if (entity == null) {
            throw new MapperException(ErrorCode.BRAID_ARGUMENT, "Cannot " + operation + " null. Fix: pass the entity object");
        }
        EntityMapping mapping = registry.entity(entity.getClass());
        if (mapping.readOnly()) {
            throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot " + operation + " " + mapping.name()
                    + ": it is a record, and records are read-only views. Fix: map a class for writes");
        }
        return mapping;
    }

    /** Copies keys along relationships into foreign-key attributes, recording how to undo it. */
    private static final class ForeignKeySync {
        private final Map<Object, ParentLink> parentOf;
        private final Map<Object, RelationshipMapping> nullify;

        ForeignKeySync(Map<Object, ParentLink> parentOf, Map<Object, RelationshipMapping> nullify) {
            this.parentOf = parentOf;
            this.nullify = nullify;
        }

        void apply(EntityState state, Deque<Runnable> undo) {
            Object entity = state.entity();
            for (RelationshipMapping r : state.mapping().relationships()) {
                if (!r.ownsForeignKey()) continue;
                Object wrapper = r.wrapperOf(entity);
                if (!RelationInternals.isLoaded(wrapper) || !RelationInternals.isAssigned(wrapper)) continue;
                Object target = RelationInternals.peekReference(wrapper);
                Object value = target == null ? null : r.remoteColumn().get(target);
                if (target != null && value == null) continue; // the target's key is generated later
                set(r.localColumn(), entity, value, undo);
            }
            ParentLink link = parentOf.get(entity);
            if (link != null) {
                Object value = link.relationship().localColumn().get(link.parent());
                if (value != null) set(link.relationship().remoteColumn(), entity, value, undo);
            } else if (nullify.containsKey(entity)) {
                RelationshipMapping r = nullify.get(entity);
                if (!r.remoteColumn().nullable()) {
                    throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, describe(state) + " left "
                            + r.qualifiedName() + ", but its foreign key " + r.remoteColumn().qualifiedName()
                            + " cannot be NULL. Fix: give " + r.qualifiedName() + " cascade DELETE_ORPHAN (to delete"
                            + " such children), or move the child to another parent before flushing");
                }
                set(r.remoteColumn(), entity, null, undo);
            }
        }

        /** Objects whose keys this one's foreign keys take, with the foreign-key column each fills. */
        Map<Object, ColumnMapping> dependencyColumns(EntityState state) {
            Map<Object, ColumnMapping> out = new IdentityHashMap<>();
            for (RelationshipMapping r : state.mapping().relationships()) {
                if (!r.ownsForeignKey()) continue;
                Object wrapper = r.wrapperOf(state.entity());
                if (!RelationInternals.isLoaded(wrapper)) continue;
                Object target = RelationInternals.peekReference(wrapper);
                if (target != null) out.put(target, r.localColumn());
            }
            ParentLink link = parentOf.get(state.entity());
            if (link != null) out.put(link.parent(), link.relationship().remoteColumn());
            return out;
        }

        /** Objects whose generated keys this one's foreign keys wait for. */
        List<Object> dependencies(EntityState state) {
            List<Object> out = new ArrayList<>();
            for (RelationshipMapping r : state.mapping().relationships()) {
                if (!r.ownsForeignKey()) continue;
                Object wrapper = r.wrapperOf(state.entity());
                if (!RelationInternals.isLoaded(wrapper)) continue;
                Object target = RelationInternals.peekReference(wrapper);
                if (target != null) out.add(target);
            }
            ParentLink link = parentOf.get(state.entity());
            if (link != null) out.add(link.parent());
            return out;
        }

        boolean dependsOnPending(EntityState state, IdentityMap identityMap) {
            for (Object d : dependencies(state)) {
                EntityState ds = identityMap.stateOf(d);
                if (ds != null && ds.status() == EntityStatus.PENDING) return true;
            }
            return false;
        }

        private static void set(ColumnMapping column, Object entity, Object value, Deque<Runnable> undo) {
            Object previous = column.get(entity);
            if (java.util.Objects.equals(previous, value)) return;
            column.set(entity, value);
            undo.push(() -> column.set(entity, previous));
        }
    }
}
