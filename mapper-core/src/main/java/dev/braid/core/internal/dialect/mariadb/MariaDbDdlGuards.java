package dev.braid.core.internal.dialect.mariadb;

import dev.braid.dialect.DdlGuards;
import dev.braid.dialect.SqlWriter;

import java.util.function.Consumer;

/**
 * Drops ignore CASCADE, so foreign keys closing a cycle are dropped first ({@code ALTER TABLE IF EXISTS t DROP
 * FOREIGN KEY IF EXISTS fk}). MariaDB writes the guard of an added key after the constraint kind: {@code ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY IF NOT
 * EXISTS (a) REFERENCES ...}; an existing constraint of that name leaves a note, not an error.
 */
final class MariaDbDdlGuards implements DdlGuards {
    static final MariaDbDdlGuards INSTANCE = new MariaDbDdlGuards();

    private static final String FOREIGN_KEY = "FOREIGN KEY ";

    private MariaDbDdlGuards() {}

    @Override
    public void addConstraintIfAbsent(String table, String constraint, Consumer<SqlWriter> definition, SqlWriter out) {
        out.append("ALTER TABLE ").identifier(table).append(" ADD CONSTRAINT ").identifier(constraint).append(' ');
        definition.accept(new GuardedDefinition(out));
    }

    // MariaDB parses DROP TABLE ... CASCADE but ignores it.
    @Override
    public boolean dropTableCascades() {
        return false;
    }

    /** {@code ALTER TABLE IF EXISTS t DROP FOREIGN KEY IF EXISTS fk}. */
    @Override
    public void dropForeignKeyIfExists(String table, String constraint, SqlWriter out) {
        out.append("ALTER TABLE IF EXISTS ").identifier(table).append(" DROP FOREIGN KEY IF EXISTS ").identifier(constraint);
    }

    /** Writes through to {@code out}, adding {@code IF NOT EXISTS} after a leading {@code FOREIGN KEY}. */
    private static final class GuardedDefinition implements SqlWriter {
        private final SqlWriter out;
        private boolean first = true;

        GuardedDefinition(SqlWriter out) {
            this.out = out;
        }

        @Override
        public SqlWriter append(String sql) {
            if (first && sql.startsWith(FOREIGN_KEY)) {
                out.append(FOREIGN_KEY).append("IF NOT EXISTS ").append(sql.substring(FOREIGN_KEY.length()));
            } else {
                out.append(sql);
            }
            first = false;
            return this;
        }

        @Override
        public SqlWriter append(char c) {
            first = false;
            out.append(c);
            return this;
        }

        @Override
        public SqlWriter identifier(String name) {
            first = false;
            out.identifier(name);
            return this;
        }

        @Override
        public SqlWriter bind(@org.jspecify.annotations.Nullable Object value, Class<?> type) {
            first = false;
            out.bind(value, type);
            return this;
        }
    }
}
