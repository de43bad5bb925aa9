package dev.braid.core.internal.dialect.postgresql;

import dev.braid.dialect.Dialect;
import dev.braid.dialect.SqlType;
import dev.braid.dialect.SqlWriter;
import dev.braid.dialect.TypeSupport;

import java.util.function.Consumer;

/**
 * PostgreSQL's {@code jsonb}, arrays ({@code text[]}, {@code integer[]}, ...) and enum types created by
 * {@code CREATE TYPE ... AS ENUM}. The driver sends strings as {@code varchar}, which none of them accepts
 * implicitly, so every bind to such a column carries a cast ({@code $1::jsonb}, {@code $1::mood}).
 */
final class PostgresTypes implements TypeSupport {
    private final Dialect dialect;

    PostgresTypes(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String typeName(SqlType type) {
        if (type instanceof SqlType.Json) return "jsonb";
        if (type instanceof SqlType.ArrayOf a) return dialect.arrayElementType(a.element()) + "[]";
        return dialect.identifier(((SqlType.NamedEnum) type).name());
    }

    @Override
    public String bindMarker(SqlType type, String marker) {
        return marker + "::" + typeName(type);
    }

    @Override
    public boolean createsEnumTypes() {
        return true;
    }

    // CREATE TYPE has no IF NOT EXISTS: an anonymous block ignores a duplicate, as for constraints.
    @Override
    public void createEnumType(SqlType.NamedEnum type, boolean onlyMissing, SqlWriter out) {
        if (onlyMissing) out.append("DO $$ BEGIN ");
        out.append("CREATE TYPE ").identifier(type.name()).append(" AS ENUM (");
        for (int i = 0; i < type.labels().size(); i++) {
            out.append(i > 0 ? ", " : "").append(literal(type.labels().get(i)));
        }
        out.append(')');
        if (onlyMissing) out.append("; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    }

    @Override
    public void dropEnumType(SqlType.NamedEnum type, SqlWriter out) {
        out.append("DROP TYPE IF EXISTS ").identifier(type.name());
    }

    @Override
    public void arrayMatch(ArrayMatch match, Consumer<SqlWriter> operand, Object[] elements, SqlType.ArrayOf type,
                           SqlWriter out) {
        operand.accept(out);
        out.append(match == ArrayMatch.CONTAINS_ALL ? " @> " : " && ");
        out.bind(elements, elements.getClass()).append("::").append(typeName(type));
    }

    /** An enum label (a Java constant's name, never user input) as a string literal. */
    static String literal(String label) {
        return "'" + label.replace("'", "''") + "'";
    }
}
