package dev.braid.query;

import dev.braid.core.internal.util.Require;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

/**
 * One ORDER BY item, normally built with {@link Expression#asc()} or {@link Expression#desc()}: on an
 * attribute ({@code Author_.name.asc()}), or in a projection on any expression ({@code count().desc()}).
 *
 * @param expression the expression ordered by
 * @param direction  ascending or descending
 */
public record Order(Expression<?> expression, Direction direction) {
    /** The direction of an ORDER BY item. */
    public enum Direction {
        /** Smallest first. */
        ASC,
        /** Largest first. */
        DESC
    }

    /**
     * Checks the parts.
     *
     * @param expression the expression ordered by
     * @param direction  ascending or descending
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when either is null
     */
    public Order {
        Require.nonNull(expression, "expression");
        Require.nonNull(direction, "direction");
    }

    /**
     * Whether this orders by a mapped attribute (every order of an entity query but for scalar subqueries).
     *
     * @return true when {@link #expression()} is an {@link Attribute}
     */
    public boolean isAttribute() {
        return expression instanceof Attribute<?, ?>;
    }

    /**
     * The attribute ordered by.
     *
     * @return the attribute
     * @throws MapperException {@code BRAID_QUERY} when this orders by another expression (see {@link #isAttribute()})
     */
    public Attribute<?, ?> attribute() {
        if (expression instanceof Attribute<?, ?> attribute) return attribute;
        throw new MapperException(ErrorCode.BRAID_QUERY, "orderBy(" + expression + ") orders by an expression,"
                + " not an attribute, where only an attribute can be used. Fix: order by an attribute");
    }
}
