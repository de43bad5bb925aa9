package dev.braid.core.internal.plan.flush;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.EntityStatus;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.annotation.Cascade;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.relation.RelationInternals;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The changes a session's caller makes between flushes: add (with the SAVE_UPDATE cascade), delete
 * (with the DELETE cascade), expunge (with the EXPUNGE cascade), and the revert to the database's
 * values after a rollback.
 */
final class SessionChanges {
    private final MappingRegistry registry;
    private final IdentityMap identityMap;
    private final CascadeWalk walk;

    SessionChanges(MappingRegistry registry, IdentityMap identityMap, CascadeWalk walk) {
        this.registry = registry;
        this.identityMap = identityMap;
        this.walk = walk;
    }

    void add(Object entity) {
        EntityMapping mapping = EntityChecks.writableMapping(registry, entity, "add");
        EntityState state = identityMap.stateOf(entity);
        if (state == null) {
            walk.enter(mapping, entity);
        } else if (state.status() == EntityStatus.DELETED) {
            identityMap.restore(state); // SQLAlchemy: adding a deleted object back un-deletes it
        }
        // Only from the added object: a walk over the whole session per add made addAll quadratic.
        walk.saveUpdate(List.of(identityMap.stateOf(entity)));
    }

    void delete(Object entity) {
        walk.delete(entity);
    }

    /** Fails, before anything is marked, when one of {@code entities} is null, unmapped or not in the session. */
    void checkDeletable(Iterable<?> entities) {
        if (entities == null) throw new MapperException(ErrorCode.BRAID_ARGUMENT, "deleteAll(entities): entities is null");
        int i = 0;
        for (Object entity : entities) {
            if (entity == null) {
                throw new MapperException(ErrorCode.BRAID_ARGUMENT, "deleteAll(entities): entities[" + i + "] is null."
                        + " Fix: pass only objects of this session");
            }
            EntityMapping mapping = EntityChecks.writableMapping(registry, entity, "delete");
            if (identityMap.stateOf(entity) == null) {
                throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot delete " + mapping.name()
                        + (mapping.keyOf(entity) == null ? "" : " " + mapping.keyOf(entity)) + " (entities[" + i + "]): it is"
                        + " not in this session, so none was deleted. Fix: load it in this session first, or use"
                        + " session.deleteByKeys(" + mapping.name() + ".class, ids)");
            }
            i++;
        }
    }

    void expunge(Object entity) {
        Deque<Object> work = new ArrayDeque<>(List.of(entity));
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
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
                if (RelationInternals.isLoaded(wrapper)) work.addAll(CascadeWalk.related(r, wrapper));
            }
            identityMap.remove(state);
        }
    }

    void revertToDatabase() {
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
}
