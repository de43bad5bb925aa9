package dev.braid.dialect;

import java.util.function.Consumer;

/** How DDL that must not fail when its object exists is written, where the database has no IF NOT EXISTS form. */
public interface DdlGuards {

    /**
     * Writes a whole statement adding constraint {@code constraint} to {@code table} that does nothing
     * when the constraint exists: {@code ALTER TABLE t ADD CONSTRAINT [guard] name <definition>}, where
     * {@code definition} writes what follows the name ({@code FOREIGN KEY (a) REFERENCES ...}).
     *
     * @param table      the table to alter
     * @param constraint the constraint's name
     * @param definition writes the constraint's definition after its name
     * @param out        where the statement is written
     */
    void addConstraintIfAbsent(String table, String constraint, Consumer<SqlWriter> definition, SqlWriter out);
}
