package dev.braid.query;

import org.jspecify.annotations.Nullable;

import dev.braid.core.internal.util.Require;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.math.BigDecimal;

/**
 * SQL functions and subquery expressions for projections and filters (SQLAlchemy's {@code func} and
 * {@code exists()}): aggregates ({@link #count()}, {@link #countDistinct}, {@link #sum}, {@link #avg},
 * {@link #min}, {@link #max}), {@link #exists} and {@link #scalar} subqueries, {@link #coalesce}, and bound
 * {@link #value}s.
 * Import them statically: {@code import static dev.braid.query.Functions.*;}.
 */
public final class Functions {
    private Functions() {}

    /**
     * {@code COUNT(*)}: the rows of the group.
     *
     * @return the aggregate, a {@code Long}
     */
    public static Aggregate<Long> count() {
        return new Aggregate<>(Aggregate.Function.COUNT, null, Long.class);
    }

    /**
     * {@code COUNT(x)}: the rows of the group where {@code x} is not null (after a left join, 0 for a row
     * without related rows).
     *
     * @param expression the expression counted
     * @return the aggregate, a {@code Long}
     */
    public static Aggregate<Long> count(Expression<?> expression) {
        return new Aggregate<>(Aggregate.Function.COUNT, Require.nonNull(expression, "expression"), Long.class);
    }

    /**
     * {@code COUNT(DISTINCT x)}: the distinct non-null values of {@code x} in the group.
     *
     * @param expression the expression counted
     * @return the aggregate, a {@code Long}
     */
    public static Aggregate<Long> countDistinct(Expression<?> expression) {
        return new Aggregate<>(Aggregate.Function.COUNT_DISTINCT, Require.nonNull(expression, "expression"), Long.class);
    }

    /**
     * {@code SUM(x)} of a number, as the number's own type (the sum of {@code Integer}s is an
     * {@code Integer}: a sum too large for it fails with {@code BRAID_CONVERSION}); null over no rows.
     *
     * @param expression a numeric expression
     * @param <N>        the number type
     * @return the aggregate
     * @throws MapperException {@code BRAID_QUERY} when the expression is not numeric or is an aggregate
     */
    public static <N extends Number & Comparable<? super N>> Aggregate<N> sum(Expression<N> expression) {
        requireNumeric("sum", expression);
        return new Aggregate<>(Aggregate.Function.SUM, expression, expression.valueType());
    }

    /**
     * {@code AVG(x)} of a number, as a {@code Double}; null over no rows.
     *
     * @param expression a numeric expression
     * @return the aggregate, a {@code Double}
     * @throws MapperException {@code BRAID_QUERY} when the expression is not numeric or is an aggregate
     */
    public static Aggregate<Double> avg(Expression<? extends Number> expression) {
        requireNumeric("avg", expression);
        return new Aggregate<>(Aggregate.Function.AVG, expression, Double.class);
    }

    /**
     * {@code MIN(x)}: the smallest value in the group; null over no rows.
     *
     * @param expression an expression with ordered values
     * @param <V>        the value type
     * @return the aggregate, of the expression's type
     * @throws MapperException {@code BRAID_QUERY} when the values have no order ({@code byte[]}) or it is an aggregate
     */
    public static <V extends Comparable<? super V>> Aggregate<V> min(Expression<V> expression) {
        requireOrdered("min", expression);
        return new Aggregate<>(Aggregate.Function.MIN, expression, expression.valueType());
    }

    /**
     * {@code MAX(x)}: the largest value in the group; null over no rows.
     *
     * @param expression an expression with ordered values
     * @param <V>        the value type
     * @return the aggregate, of the expression's type
     * @throws MapperException {@code BRAID_QUERY} when the values have no order ({@code byte[]}) or it is an aggregate
     */
    public static <V extends Comparable<? super V>> Aggregate<V> max(Expression<V> expression) {
        requireOrdered("max", expression);
        return new Aggregate<>(Aggregate.Function.MAX, expression, expression.valueType());
    }

    /**
     * {@code EXISTS (subquery)}: the subquery finds a row. Correlate it with the outer query by comparing
     * their columns ({@code Favorite_.articleId.eqTo(Article_.id)}); negate it with {@link Predicate#not}.
     *
     * @param subquery the subquery (what it selects does not matter)
     * @return the predicate
     */
    public static Predicate exists(ProjectionQuery<?> subquery) {
        return new Predicate.ExistsQuery(subquery);
    }

    /**
     * A subquery selecting one value, as an expression: in a select list, compared with another
     * expression, or ordered by. Null when the subquery finds no row.
     *
     * @param subquery a query selecting one value (an aggregate, or an attribute of at most one row)
     * @param <V>      the value type
     * @return the expression
     * @throws MapperException {@code BRAID_QUERY} when the subquery selects more than one value
     */
    public static <V> ScalarSubquery<V> scalar(ProjectionQuery<V> subquery) {
        return new ScalarSubquery<>(subquery);
    }

    /**
     * A bound value as an expression (selected as a constant column, or compared with another expression).
     *
     * @param value the value, bound as a parameter; of a type Braid can bind (a mapped attribute type)
     * @param <V>   the value type
     * @return the expression
     * @throws MapperException {@code BRAID_ARGUMENT} when {@code value} is null
     */
    @SuppressWarnings("unchecked")
    public static <V> Value<V> value(V value) {
        Require.nonNull(value, "value");
        Class<V> type = (Class<V>) (value instanceof Enum<?> e ? e.getDeclaringClass() : value.getClass());
        return new Value<>(value, type);
    }

    /**
     * {@code COALESCE(expression, fallback)}: the expression's value, or {@code fallback} (bound) where it is
     * NULL, e.g. {@code coalesce(sum(Article_.readMinutes), 0)} for an author without articles.
     *
     * @param expression the expression
     * @param fallback   the value where it is NULL, of the expression's type
     * @param <V>        the value type
     * @return the expression
     * @throws MapperException {@code BRAID_ARGUMENT} when either is null
     */
    public static <V> Coalesce<V> coalesce(Expression<V> expression, V fallback) {
        Require.nonNull(expression, "expression");
        return new Coalesce<>(expression, new Value<>(Require.nonNull(fallback, "fallback"), expression.valueType()));
    }

    private static void requireNumeric(String function, Expression<?> expression) {
        Require.nonNull(expression, "expression");
        Class<?> type = expression.valueType();
        if (!Number.class.isAssignableFrom(type) || !(type == Integer.class || type == Long.class
                || type == Short.class || type == Double.class || type == BigDecimal.class)) {
            throw new MapperException(ErrorCode.BRAID_QUERY, function + "(" + expression + "): " + expression + " is "
                    + type.getSimpleName() + ", and " + function + " takes numbers (Integer, Long, Short, Double,"
                    + " BigDecimal). Fix: " + function + " a numeric attribute, or count(" + expression + ")");
        }
    }

    private static void requireOrdered(String function, Expression<?> expression) {
        Require.nonNull(expression, "expression");
        if (!Comparable.class.isAssignableFrom(expression.valueType())) {
            throw new MapperException(ErrorCode.BRAID_QUERY, function + "(" + expression + "): "
                    + expression.valueType().getSimpleName() + " values have no order. Fix: " + function
                    + " an attribute of numbers, strings, dates or other comparable values");
        }
    }

    /** An aggregate over an aggregate is refused, naming both. */
    static void checkNotAggregate(Aggregate.Function function, @Nullable Expression<?> argument) {
        Expression<?> inner = argument instanceof Labeled<?> labeled ? labeled.expression() : argument;
        if (inner instanceof Aggregate<?>) {
            throw new MapperException(ErrorCode.BRAID_QUERY, function.name().toLowerCase(java.util.Locale.ROOT)
                    + "(" + argument + ") aggregates an aggregate, which SQL does not allow. Fix: aggregate in a"
                    + " subquery or a CommonTable, then aggregate its column");
        }
    }
}
