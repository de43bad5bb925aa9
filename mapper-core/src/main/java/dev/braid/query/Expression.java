package dev.braid.query;

import org.jspecify.annotations.Nullable;

import dev.braid.core.internal.util.Require;

/**
 * A typed SQL value expression: an {@link Attribute}, an {@link Aggregate} ({@code count}, {@code sum}, ...),
 * a bound {@link Value}, a {@link ScalarSubquery}, a {@link Labeled} expression or a column of a
 * {@link CommonTable}. Expressions are selected by projections, compared in {@code where} and
 * {@code having}, and ordered by. Implemented by Braid's own types only.
 *
 * <p>Comparisons with a value bind the value ({@link #eq}); comparisons with another expression
 * ({@link #eqTo}, {@link #compare}) correlate columns, for example inside a subquery.
 *
 * @param <V> the Java type of the expression's values
 */
public interface Expression<V> extends Selection<V> {

    /**
     * The Java type of the expression's values (boxed for primitives).
     *
     * @return the value class
     */
    Class<V> valueType();

    /**
     * {@code expression = value}; {@code eq(null)} is {@code IS NULL}.
     *
     * @param value the value (bound as a parameter), or null
     * @return the predicate
     */
    default Predicate eq(@Nullable V value) {
        return value == null ? new Predicate.NullTest(this, false) : new Predicate.Comparison(this, Predicate.Op.EQ, Value.of(this, value));
    }

    /**
     * {@code expression <> value}; {@code ne(null)} is {@code IS NOT NULL}.
     *
     * @param value the value (bound as a parameter), or null
     * @return the predicate
     */
    default Predicate ne(@Nullable V value) {
        return value == null ? new Predicate.NullTest(this, true) : new Predicate.Comparison(this, Predicate.Op.NE, Value.of(this, value));
    }

    /**
     * {@code expression IS NULL}.
     *
     * @return the predicate
     */
    default Predicate isNull() { return new Predicate.NullTest(this, false); }

    /**
     * {@code expression IS NOT NULL}.
     *
     * @return the predicate
     */
    default Predicate isNotNull() { return new Predicate.NullTest(this, true); }

    /**
     * {@code expression = other}, comparing two expressions (no value is bound): correlates a subquery with
     * its outer query, e.g. {@code Favorite_.articleId.eqTo(Article_.id)}.
     *
     * @param other the other expression
     * @return the predicate
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code other} is null
     */
    default Predicate eqTo(Expression<? extends V> other) {
        return compare(Predicate.Op.EQ, other);
    }

    /**
     * {@code expression op other}, comparing two expressions (no value is bound), e.g.
     * {@code Book_.pages.compare(Op.GT, Functions.scalar(averagePages))}.
     *
     * @param op    the operator
     * @param other the other expression
     * @return the predicate
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code op} or {@code other} is null
     */
    default Predicate compare(Predicate.Op op, Expression<? extends V> other) {
        return new Predicate.Comparison(this, op, Require.nonNull(other, "other"));
    }

    /**
     * {@code expression IN (subquery)}: the subquery selects one column of this type, e.g.
     * {@code Article_.id.in(Projections.of(Favorite_.articleId).where(Favorite_.userId.eq(me)))}.
     *
     * @param subquery the single-column subquery (may refer to the outer query's entities)
     * @return the predicate
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code subquery} is null
     */
    default Predicate in(ProjectionQuery<? extends V> subquery) {
        return new Predicate.InQuery(this, subquery);
    }

    /**
     * Ascending order on this expression.
     *
     * @return the ORDER BY item
     */
    default Order asc() { return new Order(this, Order.Direction.ASC); }

    /**
     * Descending order on this expression, e.g. {@code count().desc()}.
     *
     * @return the ORDER BY item
     */
    default Order desc() { return new Order(this, Order.Direction.DESC); }

    /**
     * This expression under a name: the record component {@code into(...)} maps it to, the column name it
     * has in a {@link CommonTable}, and its {@code AS} name in SQL.
     *
     * @param label a plain identifier (letters, digits, underscores; not starting with a digit)
     * @return the labeled expression
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when the label is null or not a plain identifier
     */
    default Labeled<V> as(String label) {
        return new Labeled<>(this, label);
    }
}
