package dev.braid.core.internal.dialect.postgresql;

import dev.braid.dialect.SqlType;
import dev.braid.dialect.SqlWriter;
import dev.braid.dialect.TypeSupport;

import java.util.function.Consumer;

/**
 * PostgreSQL's type support, except that an enum type that may exist is created with CockroachDB's
 * {@code CREATE TYPE IF NOT EXISTS} (since v21.1) instead of a {@code DO} block.
 */
final class CockroachTypes implements TypeSupport {
    private final TypeSupport postgres;

    CockroachTypes(TypeSupport postgres) {
        this.postgres = postgres;
    }

    @Override
    public String typeName(SqlType type) { return postgres.typeName(type); }

    @Override
    public String bindMarker(SqlType type, String marker) { return postgres.bindMarker(type, marker); }

    @Override
    public String arrayElementType(SqlType type) { return postgres.arrayElementType(type); }

    @Override
    public boolean createsEnumTypes() { return true; }

    @Override
    public void createEnumType(SqlType.NamedEnum type, boolean onlyMissing, SqlWriter out) {
        out.append(onlyMissing ? "CREATE TYPE IF NOT EXISTS " : "CREATE TYPE ").identifier(type.name()).append(" AS ENUM (");
        for (int i = 0; i < type.labels().size(); i++) {
            out.append(i > 0 ? ", " : "").append(PostgresTypes.literal(type.labels().get(i)));
        }
        out.append(')');
    }

    @Override
    public void dropEnumType(SqlType.NamedEnum type, SqlWriter out) { postgres.dropEnumType(type, out); }

    @Override
    public void arrayMatch(ArrayMatch match, Consumer<SqlWriter> operand, Object[] elements, SqlType.ArrayOf type,
                           SqlWriter out) {
        postgres.arrayMatch(match, operand, elements, type, out);
    }
}
