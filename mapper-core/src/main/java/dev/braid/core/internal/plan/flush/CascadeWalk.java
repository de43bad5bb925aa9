package dev.braid.core.internal.plan.flush;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.EntityStatus;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.annotation.Cascade;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.relation.RelationInternals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The cascades along loaded relationships: SAVE_UPDATE makes the objects reachable from the session's
 * objects pending, DELETE marks the objects a deleted one reaches for deletion. Relationships that were
 * not loaded are not walked: their children go by the parent's key ({@link ParentKeyDeletes}) or the
 * database cascades (passiveDeletes); anything else must be loaded first, and the error says so.
 */
final class CascadeWalk {
    private final MappingRegistry registry;
    private final IdentityMap identityMap;
    private final ValueGeneration values;
    // Each walk marks the states it reached with a number of its own, instead of filling a set.
    private int walk;

    CascadeWalk(MappingRegistry registry, IdentityMap identityMap) {
        this(registry, identityMap, ValueGeneration.systemDefault());
    }

    CascadeWalk(MappingRegistry registry, IdentityMap identityMap, ValueGeneration values) {
        this.registry = registry;
        this.identityMap = identityMap;
        this.values = values;
    }

    /** Makes a new object pending, with its generated UUID key assigned first. */
    EntityState enter(EntityMapping mapping, Object entity) {
        values.enter(mapping, entity);
        return identityMap.pending(mapping, entity);
    }

    /** SAVE_UPDATE from every object of the session that is not deleted. */
    void saveUpdateAll() {
        List<EntityState> all = new ArrayList<>();
        for (EntityState state : identityMap.states()) {
            if (state.status() != EntityStatus.DELETED) all.add(state);
        }
        saveUpdate(all);
    }

    /** SAVE_UPDATE from {@code from}: every object reached that the session does not hold becomes pending. */
    void saveUpdate(List<EntityState> from) {
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
        if (state == null) state = enter(EntityChecks.writableMapping(registry, related, "cascade to"), related);
        if (state.walked != mark && state.status() != EntityStatus.DELETED) work.push(state);
    }

    /**
     * Marks an object for deletion at the next flush (a pending one is simply forgotten), and the
     * objects of its loaded relationships that cascade DELETE.
     */
    void delete(Object entity) {
        delete(entity, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private void delete(Object entity, Set<Object> visited) {
        if (!visited.add(entity)) return;
        EntityMapping mapping = EntityChecks.writableMapping(registry, entity, "delete");
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
            if (!RelationInternals.isLoaded(wrapper) && ParentKeyDeletes.deletableByParentKey(r)) continue;
            if (!RelationInternals.isLoaded(wrapper)) {
                throw new MapperException(ErrorCode.BRAID_NOT_LOADED, "Cannot delete " + EntityChecks.describe(state) + ": "
                        + r.qualifiedName() + " cascades DELETE but is not loaded, and each " + r.target().name()
                        + " needs work of its own when deleted (" + ParentKeyDeletes.whyReadFirst(r) + "), so Braid must"
                        + " read them first. Fix: load it first (session.load(entity, " + mapping.name() + "_."
                        + r.attribute() + ") or Loads.selectin in the query), or let the database cascade (passiveDeletes = true)");
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

    /** The objects a loaded relationship holds, copied (the walk may change the session meanwhile). */
    static List<?> related(RelationshipMapping r, Object wrapper) {
        if (r.isCollection()) return new ArrayList<>(RelationInternals.peekCollection(wrapper));
        Object target = RelationInternals.peekReference(wrapper);
        return target == null ? List.of() : List.of(target);
    }
}
