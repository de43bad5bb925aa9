package dev.braid.query;

/**
 * An attribute whose values have an order: numbers, dates, times, strings, UUIDs, enums. Comparing with
 * null is refused (SQL comparisons with NULL are never true): use {@link #isNull()}.
 *
 * @param <E> the entity type
 * @param <V> the attribute's Java type
 */
public class ComparableAttribute<E, V extends Comparable<? super V>> extends Attribute<E, V>
        implements ComparableExpression<V> {

    ComparableAttribute(Class<E> entityType, String name, Class<V> valueType) {
        super(entityType, name, valueType);
    }

    /**
     * {@code attribute < value}.
     *
     * @param value the bound (bound as a parameter)
     * @return the predicate
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when {@code value} is null
     */
    @Override
    public Predicate lt(V value) { return Predicate.compare(this, Predicate.Op.LT, value); }

    /**
     * {@code attribute <= value}.
     *
     * @param value the bound (bound as a parameter)
     * @return the predicate
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when {@code value} is null
     */
    @Override
    public Predicate le(V value) { return Predicate.compare(this, Predicate.Op.LE, value); }

    /**
     * {@code attribute > value}.
     *
     * @param value the bound (bound as a parameter)
     * @return the predicate
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when {@code value} is null
     */
    @Override
    public Predicate gt(V value) { return Predicate.compare(this, Predicate.Op.GT, value); }

    /**
     * {@code attribute >= value}.
     *
     * @param value the bound (bound as a parameter)
     * @return the predicate
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when {@code value} is null
     */
    @Override
    public Predicate ge(V value) { return Predicate.compare(this, Predicate.Op.GE, value); }

    /**
     * Inclusive on both ends, like SQL's {@code BETWEEN}: {@code ge(low).and(le(high))}.
     *
     * @param low  the lowest value that matches
     * @param high the highest value that matches
     * @return the predicate
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when either bound is null
     */
    @Override
    public Predicate between(V low, V high) { return ge(low).and(le(high)); }
}
