package dev.braid.query;

import dev.braid.core.internal.util.Require;

/**
 * {@code COALESCE(expression, fallback)}: the expression's value, or the fallback where it is NULL
 * ({@link Functions#coalesce}), e.g. a sum over an outer join's missing rows as 0.
 *
 * @param expression the expression
 * @param fallback   the value used where it is NULL
 * @param <V>        the value type
 */
public record Coalesce<V>(Expression<V> expression, Expression<V> fallback) implements ComparableExpression<V> {
    /**
     * Checks the parts.
     *
     * @param expression the expression
     * @param fallback   the fallback
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when either is null
     */
    public Coalesce {
        Require.nonNull(expression, "expression");
        Require.nonNull(fallback, "fallback");
    }

    @Override
    public Class<V> valueType() { return expression.valueType(); }

    /** {@code coalesce(sum(Article.readMinutes), ?)}. */
    @Override
    public String toString() { return "coalesce(" + expression + ", " + fallback + ")"; }
}
