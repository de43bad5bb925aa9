package dev.braid.core.internal.dialect.h2;

import dev.braid.dialect.Dialect;
import dev.braid.dialect.SqlType;
import dev.braid.dialect.SqlWriter;
import dev.braid.dialect.TypeSupport;

import java.util.function.Consumer;

/**
 * H2 2.x's {@code JSON} and {@code ... ARRAY} column types. A string bound to a JSON column would be
 * stored as a JSON string value, so JSON binds say {@code FORMAT JSON}; database enum types are varchar
 * columns of their labels (no CREATE TYPE); arrays have {@code ARRAY_CONTAINS} for one element, so
 * {@code contains}/{@code overlaps} of many elements are its conjunction/disjunction.
 */
final class H2Types implements TypeSupport {
    private final Dialect dialect;

    H2Types(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String typeName(SqlType type) {
        if (type instanceof SqlType.Json) return "json";
        if (type instanceof SqlType.ArrayOf a) return dialect.arrayElementType(a.element()) + " array";
        // H2 has ENUM(...) columns, but r2dbc-h2 (1.1) binds strings that H2 then fails to convert to them
        // (22018): a named enum is a varchar column of the labels here.
        return "varchar";
    }

    @Override
    public String bindMarker(SqlType type, String marker) {
        return type instanceof SqlType.Json ? marker + " FORMAT JSON" : marker;
    }

    @Override
    public void arrayMatch(ArrayMatch match, Consumer<SqlWriter> operand, Object[] elements, SqlType.ArrayOf type,
                           SqlWriter out) {
        boolean all = match == ArrayMatch.CONTAINS_ALL;
        if (elements.length == 0) {
            out.append(all ? "TRUE" : "FALSE"); // every element of nothing is held; none of nothing overlaps
            return;
        }
        out.append('(');
        for (int i = 0; i < elements.length; i++) {
            out.append(i > 0 ? (all ? " AND " : " OR ") : "").append("ARRAY_CONTAINS(");
            operand.accept(out);
            out.append(", ").bind(elements[i], elements[i].getClass()).append(')');
        }
        out.append(')');
    }
}
