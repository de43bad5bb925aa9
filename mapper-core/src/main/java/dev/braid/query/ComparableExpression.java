package dev.braid.query;

/**
 * An expression whose values have an order (numbers, strings, dates, UUIDs, enums, booleans): every
 * expression but those of {@code byte[]} attributes. Comparing with null is refused (SQL comparisons with
 * NULL are never true): use {@link #isNull()}.
 *
 * @param <V> the Java type of the expression's values
 */
public interface ComparableExpression<V> extends Expression<V> {

    /**
     * {@code expression < value}.
     *
     * @param value the bound (bound as a parameter)
     * @return the predicate
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when {@code value} is null
     */
    default Predicate lt(V value) { return Value.compare(this, Predicate.Op.LT, value); }

    /**
     * {@code expression <= value}.
     *
     * @param value the bound (bound as a parameter)
     * @return the predicate
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when {@code value} is null
     */
    default Predicate le(V value) { return Value.compare(this, Predicate.Op.LE, value); }

    /**
     * {@code expression > value}, e.g. {@code having(count().gt(1L))}.
     *
     * @param value the bound (bound as a parameter)
     * @return the predicate
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when {@code value} is null
     */
    default Predicate gt(V value) { return Value.compare(this, Predicate.Op.GT, value); }

    /**
     * {@code expression >= value}.
     *
     * @param value the bound (bound as a parameter)
     * @return the predicate
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when {@code value} is null
     */
    default Predicate ge(V value) { return Value.compare(this, Predicate.Op.GE, value); }

    /**
     * Inclusive on both ends, like SQL's {@code BETWEEN}: {@code ge(low).and(le(high))}.
     *
     * @param low  the lowest value that matches
     * @param high the highest value that matches
     * @return the predicate
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when either bound is null
     */
    default Predicate between(V low, V high) { return ge(low).and(le(high)); }
}
