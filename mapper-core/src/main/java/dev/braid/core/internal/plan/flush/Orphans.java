package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.EntityStatus;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.annotation.Cascade;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Children that left a loaded one-to-many collection (SQLAlchemy: removed, or the collection replaced)
 * and joined no other parent: deleted with DELETE_ORPHAN (through the delete cascade), else kept with
 * their foreign key set to NULL. Children of a deleted parent without a DELETE cascade are treated the
 * same way. The collections are read by {@link OneToManyDP}.
 */
final class Orphans {
    private final IdentityMap identityMap;
    private final CascadeWalk walk;
    private Map<Object, OneToManyDP> detached;

    Orphans(IdentityMap identityMap, CascadeWalk walk) {
        this.identityMap = identityMap;
        this.walk = walk;
    }

    /**
     * Deletes the orphans that cascade DELETE_ORPHAN and returns the others, each with the relationship
     * it left (the last one, when it left several).
     */
    Map<Object, OneToManyDP> collect(List<EntityState> states, Map<Object, ParentLink> parentOf, DependencyProcessors processors) {
        detached = new IdentityHashMap<>();
        for (EntityState state : states) {
            for (DependencyProcessor dp : processors.of(state.mapping())) dp.orphans(state, parentOf, this);
        }
        Map<Object, OneToManyDP> out = detached;
        detached = null;
        return out;
    }

    /** {@code child} left {@code from}'s collection and has no other parent. */
    void left(Object child, OneToManyDP from) {
        EntityState childState = identityMap.stateOf(child);
        if (childState == null || childState.status() == EntityStatus.DELETED) return;
        if (from.relationship().cascades(Cascade.DELETE_ORPHAN)) {
            walk.delete(child);
        } else {
            detached.put(child, from);
        }
    }
}
