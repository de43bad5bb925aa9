package dev.braid.core.plan.flush;

import dev.braid.core.error.ErrorCode;
import dev.braid.core.error.MapperException;
import dev.braid.core.identity.EntityState;
import dev.braid.core.identity.EntityStatus;
import dev.braid.core.identity.IdentityMap;
import dev.braid.core.meta.EntityMapping;
import dev.braid.core.meta.MappingRegistry;
import dev.braid.core.sql.SqlRenderer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tracks new, changed and deleted objects of one session and plans the statements that write them:
 * INSERTs with referenced tables first, then UPDATEs of changed columns, then DELETEs with
 * referencing tables first.
 */
public final class UnitOfWork {
    private final MappingRegistry registry;
    private final IdentityMap identityMap;
    private final WritePlanner writes;
    private final Map<EntityMapping, Integer> tableRank = new HashMap<>();

    public UnitOfWork(MappingRegistry registry, IdentityMap identityMap, SqlRenderer renderer) {
        this.registry = registry;
        this.identityMap = identityMap;
        this.writes = new WritePlanner(renderer, identityMap);
        List<EntityMapping> order = registry.dependencyOrder();
        for (int i = 0; i < order.size(); i++) {
            tableRank.put(order.get(i), i);
        }
    }

    public IdentityMap identityMap() {
        return identityMap;
    }

    /** Makes a new object pending (inserted at the next flush). Adding a tracked object again changes nothing. */
    public void add(Object entity) {
        EntityMapping mapping = writableMapping(entity, "add");
        EntityState state = identityMap.stateOf(entity);
        if (state == null) {
            identityMap.pending(mapping, entity);
        } else if (state.status() == EntityStatus.DELETED) {
            identityMap.restore(state); // SQLAlchemy: adding a deleted object back un-deletes it
        }
    }

    /** Marks an object for deletion at the next flush; a pending object is simply forgotten. */
    public void delete(Object entity) {
        EntityMapping mapping = writableMapping(entity, "delete");
        EntityState state = identityMap.stateOf(entity);
        if (state == null) {
            throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot delete " + mapping.name()
                    + (mapping.keyOf(entity) == null ? "" : " " + mapping.keyOf(entity))
                    + ": it is not in this session. Fix: load it in this session first (session.get), then delete it");
        }
        if (state.status() == EntityStatus.PENDING) {
            identityMap.remove(state);
        } else {
            identityMap.markDeleted(state);
        }
    }

    /** True when a flush would send at least one statement. */
    public boolean hasChanges() {
        for (EntityState state : identityMap.states()) {
            if (state.status() != EntityStatus.PERSISTENT || writes.isDirty(state)) {
                return true;
            }
        }
        return false;
    }

    /** Plans the statements for every pending change; executing them is the caller's job. */
    public FlushPlan planFlush() {
        List<EntityState> inserts = new ArrayList<>();
        List<EntityState> updates = new ArrayList<>();
        List<EntityState> deletes = new ArrayList<>();
        for (EntityState state : identityMap.states()) {
            switch (state.status()) {
                case PENDING -> inserts.add(state);
                case DELETED -> deletes.add(state);
                case PERSISTENT -> {
                    if (writes.isDirty(state)) updates.add(state);
                }
            }
        }
        if (inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty()) {
            return FlushPlan.empty();
        }
        inserts.sort(Comparator.comparingInt(s -> rank(s.mapping()))); // stable: keeps add order per table
        deletes.sort(Comparator.comparingInt(s -> -rank(s.mapping())));
        Deque<Runnable> undo = new ArrayDeque<>();
        List<WriteStep> steps = new ArrayList<>();
        for (EntityState s : inserts) steps.add(writes.insert(s, undo));
        for (EntityState s : updates) steps.add(writes.update(s, undo));
        for (EntityState s : deletes) steps.add(writes.delete(s, undo));
        return new FlushPlan(steps, undo);
    }

    private int rank(EntityMapping mapping) {
        return tableRank.getOrDefault(mapping, Integer.MAX_VALUE);
    }

    private EntityMapping writableMapping(Object entity, String operation) {
        if (entity == null) {
            throw new IllegalArgumentException("Cannot " + operation + " null");
        }
        EntityMapping mapping = registry.entity(entity.getClass());
        if (mapping.readOnly()) {
            throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot " + operation + " " + mapping.name()
                    + ": it is a record, and records are read-only views. Fix: map a class for writes");
        }
        return mapping;
    }
}
