package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.meta.RelationshipMapping;

/**
 * A view-only relationship (SQLAlchemy's {@code viewonly=True}) contributes nothing to a flush: its
 * wrappers refuse changes, and the writable relationship over the same foreign key does the writing.
 */
record ViewOnlyDP(RelationshipMapping relationship) implements DependencyProcessor {
    @Override
    public boolean mayHaveChanged(EntityState state) {
        return false;
    }
}
