package dev.braid.core.internal.sql;

import dev.braid.core.internal.sql.SqlExpression.Column;
import dev.braid.core.internal.sql.SqlExpression.Comparison;
import dev.braid.core.internal.sql.SqlExpression.CountAll;
import dev.braid.core.internal.sql.SqlExpression.InList;
import dev.braid.core.internal.sql.SqlExpression.Junction;
import dev.braid.core.internal.sql.SqlExpression.Like;
import dev.braid.core.internal.sql.SqlExpression.Negation;
import dev.braid.core.internal.sql.SqlExpression.NullCheck;
import dev.braid.core.internal.sql.SqlExpression.One;
import dev.braid.core.internal.sql.SqlExpression.Parameter;
import dev.braid.dialect.InLists;

/** Writes expressions: columns, binds, comparisons, IN lists (markers or arrays, as the dialect binds them), junctions. */
final class ExpressionRenderer {
    private final InLists inLists;
    private final dev.braid.dialect.QueryExpressions queryExpressions;
    private final SelectRenderer selects; // for subqueries
    private final dev.braid.dialect.TypeSupport types; // JSON, array and enum binds, array predicates

    ExpressionRenderer(dev.braid.dialect.Dialect dialect, SelectRenderer selects) {
        this.inLists = dialect.inLists();
        this.types = dialect.types();
        this.queryExpressions = dialect.queryExpressions();
        this.selects = selects;
    }

    void expression(SqlExpression e, SqlOutput out) {
        if (e instanceof Column c) {
            if (c.qualifier() != null) out.identifier(c.qualifier()).append('.');
            out.identifier(c.name());
        } else if (e instanceof Parameter p) {
            out.bind(p.value(), p.type(), p.sqlType());
        } else if (e instanceof SqlExpression.ArrayMatch m) {
            types.arrayMatch(m.match(), w -> expression(m.operand(), out), m.elements(), m.type(), out);
        } else if (e instanceof Comparison c) {
            expression(c.left(), out);
            out.append(' ').append(c.operator()).append(' ');
            expression(c.right(), out);
        } else if (e instanceof InList in) {
            inList(in, out);
        } else if (e instanceof NullCheck n) {
            expression(n.operand(), out);
            out.append(n.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (e instanceof Like like) {
            expression(like.operand(), out);
            out.append(" LIKE ");
            expression(like.pattern(), out);
            queryExpressions.likeEscape(like.escape(), out);
        } else if (e instanceof Junction j) {
            junction(j, out);
        } else if (e instanceof Negation n) {
            out.append("NOT (");
            expression(n.operand(), out);
            out.append(')');
        } else if (e instanceof SqlExpression.Exists exists) {
            out.append("EXISTS (");
            selects.select(exists.subquery(), out);
            out.append(')');
        } else if (e instanceof SqlExpression.Plus plus) {
            expression(plus.left(), out);
            out.append(" + ");
            expression(plus.right(), out);
        } else if (e instanceof CountAll) {
            out.append("COUNT(*)");
        } else if (e instanceof One) {
            out.append('1');
        } else if (!subqueryOrFunction(e, out)) {
            throw dev.braid.core.internal.util.Require.bug("Unknown expression " + e);
        }
    }

    /** The expressions of projections and subqueries; false when {@code e} is none of them. */
    private boolean subqueryOrFunction(SqlExpression e, SqlOutput out) {
        if (e instanceof SqlExpression.Aggregate a) {
            out.append(a.function()).append('(');
            if (a.argument() == null) {
                out.append('*');
            } else {
                if (a.distinct()) out.append("DISTINCT ");
                expression(a.argument(), out);
            }
            out.append(')');
        } else if (e instanceof SqlExpression.Call call) {
            out.append(call.name()).append('(');
            for (int i = 0; i < call.arguments().size(); i++) {
                if (i > 0) out.append(", ");
                expression(call.arguments().get(i), out);
            }
            out.append(')');
        } else if (e instanceof SqlExpression.Subquery s) {
            out.append('(');
            selects.query(s.query(), out);
            out.append(')');
        } else if (e instanceof SqlExpression.InSubquery in) {
            expression(in.operand(), out);
            out.append(" IN (");
            selects.query(in.query(), out);
            out.append(')');
        } else if (e instanceof SqlExpression.ExistsQuery exists) {
            out.append("EXISTS (");
            selects.query(exists.query(), out);
            out.append(')');
        } else if (e instanceof SqlExpression.Aliased a) {
            expression(a.expression(), out);
            out.append(" AS ").identifier(a.alias());
        } else if (e instanceof SqlExpression.Condition c) {
            queryExpressions.openCondition(out);
            expression(c.condition(), out);
            queryExpressions.closeCondition(out);
        } else if (e instanceof SqlExpression.NullValue) {
            out.append("NULL");
        } else if (e instanceof SqlExpression.Constant c) {
            out.append(Integer.toString(c.value()));
        } else if (e instanceof SqlExpression.Increment i) {
            expression(i.operand(), out);
            out.append(" + 1");
        } else {
            return false;
        }
        return true;
    }

    private void inList(InList in, SqlOutput out) {
        if (in.values().isEmpty()) {
            out.append("1 = 0"); // IN () is not valid SQL; an empty list matches nothing
            return;
        }
        // byte[] values cannot travel as an array of arrays, nor enum labels as a varchar array: one by one.
        if (in.values().size() > inLists.arrayThreshold() && in.elementType() != byte[].class && in.sqlType() == null) {
            anyOfArrays(in, out);
        } else {
            expression(in.operand(), out);
            out.append(" IN (");
            for (int i = 0; i < in.values().size(); i++) {
                if (i > 0) out.append(", ");
                out.bind(in.values().get(i), in.elementType(), in.sqlType());
            }
            out.append(')');
        }
    }

    /** {@code x = ANY($1)}, or {@code (x = ANY($1) OR x = ANY($2))} for more values than one array may hold. */
    private void anyOfArrays(InList in, SqlOutput out) {
        int size = in.values().size();
        int max = inLists.maxArrayLength();
        if (size > max) out.append('(');
        for (int from = 0; from < size; from += max) {
            if (from > 0) out.append(" OR ");
            expression(in.operand(), out);
            Parameter array = Parameter.array(in.elementType(), in.values().subList(from, Math.min(size, from + max)));
            inLists.equalsAnyOf((Object[]) array.value(), out);
        }
        if (size > max) out.append(')');
    }

    private void junction(Junction j, SqlOutput out) {
        if (j.operands().isEmpty()) {
            out.append(j.conjunction() ? "1 = 1" : "1 = 0");
            return;
        }
        if (j.operands().size() == 1) {
            expression(j.operands().get(0), out);
            return;
        }
        String separator = j.conjunction() ? " AND " : " OR ";
        for (int i = 0; i < j.operands().size(); i++) {
            if (i > 0) out.append(separator);
            SqlExpression operand = j.operands().get(i);
            boolean parenthesize = operand instanceof Junction inner && inner.conjunction() != j.conjunction()
                    && inner.operands().size() > 1;
            if (parenthesize) out.append('(');
            expression(operand, out);
            if (parenthesize) out.append(')');
        }
    }
}
