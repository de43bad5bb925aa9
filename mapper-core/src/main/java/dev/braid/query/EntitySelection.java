package dev.braid.query;

import dev.braid.core.internal.util.Require;

/**
 * A whole entity in a projection: every mapped column of {@code entityType}, read into the session's
 * tracked object for that row (the identity map decides, as for {@code session.select(Author.class)}).
 * Build it with {@link Projections#entity(Class)}. In {@code groupBy} it stands for every column of the entity.
 *
 * @param entityType the mapped entity class
 * @param <T>        the entity type
 */
public record EntitySelection<T>(Class<T> entityType) implements Selection<T> {
    /**
     * Checks the class.
     *
     * @param entityType the mapped entity class
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code entityType} is null
     */
    public EntitySelection {
        Require.nonNull(entityType, "entityType");
    }

    /** {@code Entity}, as errors name it. */
    @Override
    public String toString() { return entityType.getSimpleName(); }
}
