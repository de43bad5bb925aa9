package dev.braid.dialect;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.function.Consumer;

/** The {@link TypeSupport} of a database with no JSON, array or enum types Braid knows: refuses each. */
final class NoTypeSupport implements TypeSupport {
    private final String database;

    NoTypeSupport(String database) {
        this.database = database;
    }

    @Override
    public String typeName(SqlType type) {
        throw refused(type);
    }

    @Override
    public String bindMarker(SqlType type, String marker) {
        throw refused(type);
    }

    @Override
    public void arrayMatch(ArrayMatch match, Consumer<SqlWriter> operand, Object[] elements, SqlType.ArrayOf type,
                           SqlWriter out) {
        throw new MapperException(ErrorCode.BRAID_QUERY, database + " has no array columns, so " + match
                + " cannot be asked. Fix: map the values as a child table (a one-to-many relationship) and filter with has/any");
    }

    private MapperException refused(SqlType type) {
        return new MapperException(ErrorCode.BRAID_MAPPING, "Braid's " + database + " dialect has no column type for "
                + type + ". Fix: map the attribute with a ValueConverter to a scalar type (a JSON text as String,"
                + " an enum by name)");
    }
}
