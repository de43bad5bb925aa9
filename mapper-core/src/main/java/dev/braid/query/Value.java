package dev.braid.query;

import dev.braid.core.internal.util.Require;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

/**
 * A value bound as a parameter, as an expression: what {@code count().gt(1L)} compares with, and what
 * {@link Functions#value} selects or {@link Functions#coalesce} falls back to. Never rendered into SQL.
 *
 * @param value     the value, never null (a comparison with null is a null test)
 * @param valueType the value's Java type: the type of the expression it is compared with
 * @param <V>       the value type
 */
public record Value<V>(V value, Class<V> valueType) implements ComparableExpression<V> {
    /**
     * Checks the parts.
     *
     * @param value     the value
     * @param valueType its type
     * @throws MapperException {@code BRAID_ARGUMENT} when either is null
     */
    public Value {
        Require.nonNull(value, "value");
        Require.nonNull(valueType, "valueType");
    }

    /** A value of {@code like}'s type. */
    static <V> Value<V> of(Expression<V> like, V value) {
        return new Value<>(value, like.valueType());
    }

    /** {@code left op value}; null is refused for ordering comparisons. */
    static <V> Predicate compare(Expression<V> left, Predicate.Op op, V value) {
        if (value == null) {
            if (op == Predicate.Op.EQ) return new Predicate.NullTest(left, false);
            if (op == Predicate.Op.NE) return new Predicate.NullTest(left, true);
            throw new MapperException(ErrorCode.BRAID_QUERY, "Cannot compare " + left + " " + op.sql()
                    + " NULL: SQL comparisons with NULL are never true. Use isNull()/isNotNull().");
        }
        return new Predicate.Comparison(left, op, of(left, value));
    }

    /** {@code ?}: values are never shown in query descriptions. */
    @Override
    public String toString() { return "?"; }
}
