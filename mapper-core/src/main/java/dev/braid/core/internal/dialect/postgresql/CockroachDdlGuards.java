package dev.braid.core.internal.dialect.postgresql;

import dev.braid.dialect.DdlGuards;
import dev.braid.dialect.SqlWriter;

import java.util.function.Consumer;

/**
 * CockroachDB has {@code ALTER TABLE ... ADD CONSTRAINT IF NOT EXISTS} (since v21.2, cockroachdb/cockroach#71257),
 * which PostgreSQL lacks; it ran no {@code DO} block before v25.1.
 */
final class CockroachDdlGuards implements DdlGuards {
    static final CockroachDdlGuards INSTANCE = new CockroachDdlGuards();

    private CockroachDdlGuards() {}

    @Override
    public void addConstraintIfAbsent(String table, String constraint, Consumer<SqlWriter> definition, SqlWriter out) {
        out.append("ALTER TABLE ").identifier(table).append(" ADD CONSTRAINT IF NOT EXISTS ").identifier(constraint)
                .append(' ');
        definition.accept(out);
    }
}
