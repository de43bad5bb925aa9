package dev.braid.core.internal.plan.flush;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.mapping.MappingRegistry;

/** The checks and names every session change shares: which mapping writes an object, how errors name it. */
final class EntityChecks {
    private EntityChecks() {}

    /** The mapping of {@code entity} for a write, failing on null and on read-only (record) mappings. */
    static EntityMapping writableMapping(MappingRegistry registry, Object entity, String operation) {
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

    /** The object's key, or its entity name while it has none. */
    static String describe(EntityState state) {
        return state.key() == null ? state.mapping().name() : state.key().toString();
    }
}
