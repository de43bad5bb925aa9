package dev.braid.core.internal.plan.flush;

import dev.braid.statement.RenderedSql;

import java.util.List;

/**
 * One statement of a flush and what to do with its outcome. Steps are rendered when their turn
 * comes ({@link #render()}), after the steps before them succeeded: a child's INSERT is rendered
 * after its parent's INSERT returned the generated key it needs.
 */
public interface WriteStep {
    enum Kind { INSERT, UPDATE, DELETE, LINK_INSERT, LINK_DELETE, ALLOCATE_IDS }

    Kind kind();

    /** The table the statement writes (the link table for link rows), for the counts of a flush. */
    String table();

    /** The statement, or null when, by the time it is rendered, there is nothing to write. */
    RenderedSql render();

    /** Driver classes of the generated columns the statement returns, in order; empty when none. */
    List<Class<?>> returnedTypes();

    /**
     * Applies the statement's outcome to the session's objects.
     *
     * @param rowCount rows affected (for statements returning rows: the number of rows returned)
     * @param returned the rows of returned values (each in {@link #returnedTypes()} order), or empty
     * @throws dev.braid.error.StaleDataException when the row the step expected to change was not there
     */
    void applied(long rowCount, List<Object[]> returned);
}
