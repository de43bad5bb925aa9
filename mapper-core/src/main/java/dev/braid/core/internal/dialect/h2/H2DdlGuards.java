package dev.braid.core.internal.dialect.h2;

import dev.braid.dialect.DdlGuards;
import dev.braid.dialect.SqlWriter;

import java.util.function.Consumer;

/** H2 has {@code ALTER TABLE t ADD CONSTRAINT IF NOT EXISTS name ...}. */
final class H2DdlGuards implements DdlGuards {
    static final H2DdlGuards INSTANCE = new H2DdlGuards();

    private H2DdlGuards() {}

    @Override
    public void addConstraintIfAbsent(String table, String constraint, Consumer<SqlWriter> definition, SqlWriter out) {
        out.append("ALTER TABLE ").identifier(table).append(" ADD CONSTRAINT IF NOT EXISTS ").identifier(constraint).append(' ');
        definition.accept(out);
    }
}
