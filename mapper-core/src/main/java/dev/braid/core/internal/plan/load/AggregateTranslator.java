package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.meta.Boxing;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.ValueType;
import dev.braid.core.internal.meta.ValueTypes;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.query.Aggregate;
import dev.braid.query.Attribute;

import java.util.Locale;

/**
 * Aggregates into SQL with the reader of their result: refused where the clause has no groups (where,
 * join conditions, groupBy, an entity query's order), checked against what the mapping says the
 * aggregated column holds (a builder reference can declare the wrong type), read as the type the
 * function promises whatever numeric type the database chose (counts as Long, averages as Double, sums
 * as the attribute's type; minimum and maximum through the column's own conversion).
 */
final class AggregateTranslator {
    private AggregateTranslator() {}

    static Typed translate(ExpressionTranslator expressions, Aggregate<?> a, Clause clause) {
        if (!clause.aggregates) {
            throw new MapperException(ErrorCode.BRAID_QUERY, a + " in " + clause.text + ": aggregates are computed"
                    + " per group of rows, which " + clause.text + " does not have. Fix: " + clause.fix);
        }
        String what = a.toString();
        if (a.argument() == null) {
            return new Typed(new SqlExpression.Aggregate("COUNT", null, false), ReadAs.number(Long.class, what), type(Long.class));
        }
        Aggregate.Function f = a.function();
        boolean counts = f == Aggregate.Function.COUNT || f == Aggregate.Function.COUNT_DISTINCT;
        boolean numeric = f == Aggregate.Function.SUM || f == Aggregate.Function.AVG;
        if (a.argument() instanceof Attribute<?, ?> attribute && !counts) {
            // What the mapping says the column holds, before the reference's own declared type is checked.
            ColumnMapping column = expressions.column(attribute);
            requireMapped(a, column.type(), numeric);
        }
        // Inside an aggregate another aggregate is refused (Aggregate's constructor), and columns are per row.
        Typed argument = expressions.translate(a.argument(), Clause.WHERE);
        if (!counts) requireMapped(a, argument.type(), numeric);
        SqlExpression sql = new SqlExpression.Aggregate(f.sql(), argument.sql(), f == Aggregate.Function.COUNT_DISTINCT);
        return switch (f) {
            case COUNT, COUNT_DISTINCT -> new Typed(sql, ReadAs.number(Long.class, what), type(Long.class));
            case SUM -> new Typed(sql, ReadAs.number(a.valueType(), what), argument.type());
            case AVG -> new Typed(sql, ReadAs.number(Double.class, what), type(Double.class));
            case MIN, MAX -> new Typed(sql, argument.read(), argument.type());
        };
    }

    /** What the mapping says the aggregated column holds must suit the function. */
    private static void requireMapped(Aggregate<?> a, ValueType type, boolean numeric) {
        if (type == null) return;
        Class<?> mapped = Boxing.boxed(type.javaClass());
        boolean ok = numeric ? Number.class.isAssignableFrom(mapped) : Comparable.class.isAssignableFrom(mapped)
                || mapped.isEnum();
        if (!ok || (numeric && a.function() == Aggregate.Function.SUM && mapped != a.valueType())) {
            throw new MapperException(ErrorCode.BRAID_QUERY, a + ": " + a.argument() + " is mapped as "
                    + mapped.getSimpleName() + (numeric ? ", and " + a.function().name().toLowerCase(Locale.ROOT)
                    + " takes numbers of the attribute's own type" : ", whose values have no order")
                    + ". Fix: aggregate a numeric attribute, or declare the reference with the attribute's type ("
                    + mapped.getSimpleName() + ")");
        }
    }

    private static ValueType type(Class<?> javaClass) {
        return ValueTypes.forClass(javaClass).orElseThrow();
    }
}
