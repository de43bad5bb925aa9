package dev.braid.core.internal.dialect.standard;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.dialect.ColumnType;
import dev.braid.dialect.DdlGuards;
import dev.braid.dialect.Dialect;
import dev.braid.dialect.Identifiers;
import dev.braid.dialect.Paging;
import dev.braid.dialect.Returning;
import dev.braid.dialect.SqlWriter;

import java.util.Set;
import java.util.function.Consumer;

/**
 * A test-only third database speaking plain standard SQL: {@code ?} markers, no arrays (IN lists of
 * markers), no server-side cursors (keyset windows), one row per write, writes that return nothing
 * (generated keys are refused), {@code OFFSET ... FETCH FIRST} paging. It lives in its own package
 * and is registered in the test class path's {@code META-INF/services}, as a real one would be:
 * adding a database is adding such a package, with no edit to a planner or renderer.
 */
public final class StandardSqlDialect implements Dialect {
    private static final Identifiers IDENTIFIERS = new Identifiers(Set.of("order", "user", "select", "from", "where"));

    /** For {@link java.util.ServiceLoader}. */
    public StandardSqlDialect() {}

    @Override
    public String name() { return "StandardSQL"; }

    @Override
    public String bindMarker(int index) { return "?"; }

    @Override
    public String identifier(String name) { return IDENTIFIERS.render(name); }

    @Override
    public String typeName(ColumnType type, int length, int precision, int scale) {
        return switch (type) {
            case VARCHAR -> "varchar(" + (length > 0 ? length : 4000) + ")";
            case DECIMAL -> precision > 0 ? "numeric(" + precision + ", " + scale + ")" : "numeric";
            case BINARY -> "varbinary(8000)";
            case TIMESTAMP_TZ -> "timestamp with time zone";
            case DOUBLE -> "double precision";
            default -> type.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    @Override
    public int maxIdentifierLength() { return 128; }

    @Override
    public int defaultInListChunkSize() { return 100; }

    @Override
    public int defaultFetchSize() { return 0; }

    /** {@code OFFSET ? ROWS FETCH FIRST ? ROWS ONLY} (SQL:2008). */
    @Override
    public Paging paging() {
        return (limit, offset, out) -> {
            if (offset != null) out.append(" OFFSET ").bind(offset, Long.class).append(" ROWS");
            if (limit != null) out.append(" FETCH FIRST ").bind(limit, Long.class).append(" ROWS ONLY");
        };
    }

    @Override
    public Returning returning() { return Returning.unsupported(name()); }

    @Override
    public DdlGuards ddlGuards() {
        return new DdlGuards() {
            @Override
            public void addConstraintIfAbsent(String table, String constraint, Consumer<SqlWriter> definition, SqlWriter out) {
                throw new MapperException(ErrorCode.BRAID_ARGUMENT, "StandardSQL cannot add constraint " + constraint
                        + " only if it is absent. Fix: create the schema without ifNotExists");
            }
        };
    }

    @Override
    public String toString() { return name(); }
}
