package dev.braid.core.plan.flush;

import dev.braid.core.sql.RenderedSql;

import java.util.List;

/**
 * One statement of a flush and what to do with its outcome. The executor runs {@link #sql()}; when
 * {@link #returnedTypes()} is not empty it reads one row of those driver types and passes the values
 * to {@link #applied}, otherwise it passes the affected-row count.
 */
public interface WriteStep {
    enum Kind { INSERT, UPDATE, DELETE }

    Kind kind();

    RenderedSql sql();

    /** Driver classes of the generated columns the statement returns, in order; empty when none. */
    List<Class<?>> returnedTypes();

    /**
     * Applies the statement's outcome to the session's objects.
     *
     * @param rowCount  rows affected (for statements returning rows: the number of rows returned)
     * @param returned  the returned generated values, or null
     * @throws dev.braid.core.error.StaleDataException when the row the step expected to change was not there
     */
    void applied(long rowCount, Object[] returned);
}
