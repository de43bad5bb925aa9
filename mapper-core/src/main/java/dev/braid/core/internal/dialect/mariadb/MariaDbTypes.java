package dev.braid.core.internal.dialect.mariadb;

import dev.braid.dialect.SqlType;
import dev.braid.dialect.SqlWriter;
import dev.braid.dialect.TypeSupport;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.function.Consumer;

/**
 * MariaDB's {@code JSON} columns (a LONGTEXT checked by {@code JSON_VALID}: strings bind as they are) and native
 * {@code ENUM('A', 'B')} columns (declared inline, no CREATE TYPE; strict mode rejects other labels). MariaDB has
 * no array columns: an array attribute is refused with the fix.
 */
final class MariaDbTypes implements TypeSupport {
    private final MariaDbDialect dialect;

    MariaDbTypes(MariaDbDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String typeName(SqlType type) {
        if (type instanceof SqlType.Json) return "json";
        if (type instanceof SqlType.ArrayOf a) throw noArrays(a);
        StringBuilder out = new StringBuilder("enum(");
        SqlType.NamedEnum e = (SqlType.NamedEnum) type;
        for (int i = 0; i < e.labels().size(); i++) {
            out.append(i > 0 ? ", " : "").append(literal(e.labels().get(i)));
        }
        return out.append(')').toString();
    }

    @Override
    public String bindMarker(SqlType type, String marker) {
        if (type instanceof SqlType.ArrayOf a) throw noArrays(a);
        return marker;
    }

    @Override
    public void arrayMatch(ArrayMatch match, Consumer<SqlWriter> operand, Object[] elements, SqlType.ArrayOf type,
                           SqlWriter out) {
        throw new MapperException(ErrorCode.BRAID_QUERY, dialect.name() + " has no array columns, so " + match
                + " cannot be asked. Fix: map the values as a child table (a one-to-many relationship) and filter with has/any");
    }

    private MapperException noArrays(SqlType.ArrayOf type) {
        return new MapperException(ErrorCode.BRAID_MAPPING, dialect.name() + " has no array columns, so " + type
                + " cannot be stored. Fix: map the values as a child table (a one-to-many relationship), or as JSON"
                + " (@Column(sqlType = json)) with a ValueConverter");
    }

    /** An enum label (a Java constant's name, never user input) as a string literal. */
    private static String literal(String label) {
        return "'" + label.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
