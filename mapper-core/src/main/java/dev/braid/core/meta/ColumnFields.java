package dev.braid.core.meta;

/**
 * Reads or writes every mapped field of one entity object in one call, in column order. Implemented
 * by classes Braid generates per entity class ({@link ColumnFieldsClass}); public only because a
 * generated class lives in the entity's package. Not for applications to implement or call.
 */
public interface ColumnFields {
    /** Stores {@code values[i]} into column {@code i}'s field (no nulls for primitive fields). */
    void write(Object entity, Object[] values);

    /** Copies column {@code i}'s field into {@code into[i]} (primitives boxed). */
    void read(Object entity, Object[] into);

    /** The id column's field (boxed) for an entity with a one-column key; null for composite keys. */
    Object id(Object entity);
}
