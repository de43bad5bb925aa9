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

    /**
     * Whether {@code DROP TABLE ... CASCADE} drops the foreign keys of other tables that reference the dropped one
     * (PostgreSQL, H2). MariaDB and MySQL accept the word and ignore it: there the schema drop removes the foreign
     * keys that close a cycle first ({@link #dropForeignKeyIfExists}).
     *
     * @return true when CASCADE drops referencing foreign keys
     */
    default boolean dropTableCascades() {
        return true;
    }

    /**
     * Writes a statement dropping foreign key {@code constraint} of {@code table}, doing nothing when the table or the
     * constraint does not exist; only called when {@link #dropTableCascades()} is false.
     *
     * @param table      the referencing table
     * @param constraint the foreign key's name
     * @param out        where the statement is written
     */
    default void dropForeignKeyIfExists(String table, String constraint, SqlWriter out) {
        throw dev.braid.core.internal.util.Require.bug("this dialect drops tables with CASCADE");
    }
}
