package dev.braid.query;

import org.jspecify.annotations.Nullable;

import dev.braid.core.internal.util.Require;

/**
 * An aggregate function over the rows of a group (or of the whole result without {@code groupBy}):
 * built with {@link Functions#count()}, {@link Functions#sum}, {@link Functions#avg}, ... Usable in a
 * projection's select list, {@code having} and {@code orderBy}; never in {@code where} (a
 * {@code BRAID_QUERY} error names it and says to use {@code having}).
 *
 * @param function  the aggregate function
 * @param argument  the aggregated expression, or null for {@code COUNT(*)}
 * @param valueType the Java type of the result
 * @param <V>       the result type
 */
public record Aggregate<V>(Function function, @Nullable Expression<?> argument, Class<V> valueType)
        implements ComparableExpression<V> {

    /** The SQL aggregate functions Braid renders. */
    public enum Function {
        /** {@code COUNT(x)} (rows where x is not null), or {@code COUNT(*)} without an argument; a {@code Long}. */
        COUNT("COUNT"),
        /** {@code COUNT(DISTINCT x)}; a {@code Long}. */
        COUNT_DISTINCT("COUNT"),
        /** {@code SUM(x)} of a number; null over no rows. */
        SUM("SUM"),
        /** {@code AVG(x)} of a number, as a {@code Double}; null over no rows. */
        AVG("AVG"),
        /** {@code MIN(x)}; null over no rows. */
        MIN("MIN"),
        /** {@code MAX(x)}; null over no rows. */
        MAX("MAX");

        private final String sql;

        Function(String sql) { this.sql = sql; }

        /**
         * The function's SQL name.
         *
         * @return the name, such as {@code COUNT}
         */
        public String sql() { return sql; }
    }

    /**
     * Checks the parts.
     *
     * @param function  the function
     * @param argument  the aggregated expression, null only for {@code COUNT(*)}
     * @param valueType the result type
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} for a missing part, {@code BRAID_QUERY}
     *         for an aggregate of an aggregate
     */
    public Aggregate {
        Require.nonNull(function, "function");
        Require.nonNull(valueType, "valueType");
        if (argument == null) Require.argument(function == Function.COUNT, function.sql() + " needs an argument");
        Functions.checkNotAggregate(function, argument);
    }

    /** {@code COUNT(*)}, {@code SUM(Book.pages)}, as errors name it. */
    @Override
    public String toString() {
        String name = function.name().toLowerCase(java.util.Locale.ROOT).replace("_d", "D");
        return name + "(" + (argument == null ? "" : argument.toString()) + ")";
    }
}
