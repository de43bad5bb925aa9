package dev.braid.query;

import org.jspecify.annotations.Nullable;

/**
 * The {@code SET} items of a bulk update, typed through the generated metamodel:
 * {@code select(Author.class).where(Author_.born.lt(1800)).update(Updates.set(Author_.name, "x"))}.
 */
public final class Updates {
    private Updates() {}

    /**
     * {@code attribute = value}.
     *
     * @param attribute the attribute to write
     * @param value     the new value (bound as a parameter), or null for SQL NULL
     * @param <E>       the entity type
     * @param <V>       the attribute's type
     * @return the assignment
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code attribute} is null
     */
    public static <E, V> Assignment set(Attribute<E, V> attribute, @Nullable V value) {
        return new Assignment.Set(attribute, value);
    }

    /**
     * {@code attribute = NULL}: {@code set(attribute, null)} where the value type does not say so.
     *
     * @param attribute the attribute to clear
     * @param <E>       the entity type
     * @return the assignment
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code attribute} is null
     */
    public static <E> Assignment setNull(Attribute<E, ?> attribute) {
        return new Assignment.Set(attribute, null);
    }

    /**
     * {@code attribute = attribute + amount}, computed by the database: counters without reading them first.
     *
     * @param attribute a numeric attribute
     * @param amount    what is added; negative to subtract
     * @param <E>       the entity type
     * @param <N>       the attribute's numeric type
     * @return the assignment
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when either is null
     */
    public static <E, N extends Number & Comparable<? super N>> Assignment increment(ComparableAttribute<E, N> attribute,
                                                                                     N amount) {
        return new Assignment.Increment(attribute, amount);
    }
}
