package dev.braid.query;

import dev.braid.core.internal.util.Require;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

/**
 * A subquery selecting one value, used as an expression ({@link Functions#scalar}): in a select list
 * ({@code (SELECT COUNT(*) FROM books WHERE books.author_id = authors.id)}), in a comparison, or in an
 * order. It may refer to the outer query's entities (a correlated subquery); NULL when it finds no row.
 *
 * @param query the single-value query
 * @param <V>   the value type
 */
public record ScalarSubquery<V>(ProjectionQuery<V> query) implements ComparableExpression<V> {
    /**
     * Checks that the query selects one value.
     *
     * @param query the query
     * @throws MapperException {@code BRAID_ARGUMENT} when null, {@code BRAID_QUERY} when it selects more
     *         than one value or a whole entity
     */
    public ScalarSubquery {
        Require.nonNull(query, "query");
        if (query.selections().size() != 1 || query.selections().get(0) instanceof EntitySelection<?>) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "scalar(" + query + ") selects "
                    + query.selections() + ", but a scalar subquery selects exactly one value (not an entity)."
                    + " Fix: select one attribute or aggregate");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<V> valueType() { return (Class<V>) ProjectionQuery.valueType(query.selections().get(0)); }

    /** {@code scalar(select ...)}. */
    @Override
    public String toString() { return "scalar(" + query + ")"; }
}
