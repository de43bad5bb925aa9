package dev.braid.core.internal.dialect.postgresql;

import dev.braid.dialect.DdlGuards;
import dev.braid.dialect.SqlWriter;

import java.util.function.Consumer;

/** PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS: an anonymous block ignores a duplicate instead. */
final class PostgresDdlGuards implements DdlGuards {
    static final PostgresDdlGuards INSTANCE = new PostgresDdlGuards();

    private PostgresDdlGuards() {}

    @Override
    public void addConstraintIfAbsent(String table, String constraint, Consumer<SqlWriter> definition, SqlWriter out) {
        out.append("DO $$ BEGIN ALTER TABLE ").identifier(table).append(" ADD CONSTRAINT ").identifier(constraint).append(' ');
        definition.accept(out);
        out.append("; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    }
}
