package dev.braid.reactive;

import org.jspecify.annotations.Nullable;

import dev.braid.statement.Bind;
import dev.braid.statement.StatementOrigin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One statement that ended, as reported to an {@link ExecutionListener}.
 *
 * @param sql        the statement text as sent (with the dialect's bind markers)
 * @param binds      the bound values with their driver classes, in marker order (values may be personal data:
 *                   log them only where that is allowed)
 * @param origin     who issued the statement: the kind of work, the mapped type and relationship
 * @param rows       rows read (queries, statements returning generated values) or rows affected (INSERT,
 *                   UPDATE, DELETE, DDL); for a failed or cancelled query, the rows read until then
 * @param startNanos {@link System#nanoTime()} when the statement was subscribed
 * @param endNanos   {@link System#nanoTime()} when it ended
 * @param outcome    how it ended
 * @param error      the Braid exception it failed with (a {@code MapperException} for database errors), or
 *                   null unless {@code outcome} is {@link Outcome#ERROR}
 */
public record ExecutionEvent(String sql, List<Bind> binds, StatementOrigin origin, long rows, long startNanos,
                             long endNanos, Outcome outcome, @Nullable Throwable error) {

    /** How a statement ended. */
    public enum Outcome {
        /** Completed: every row was read, or the row count arrived. */
        SUCCESS,
        /** Failed; {@link #error()} says why. */
        ERROR,
        /** Cancelled by the subscriber before it completed (e.g. {@code take(n)}, a timeout). */
        CANCEL
    }

    /**
     * The time from subscription to the end, in nanoseconds.
     *
     * @return {@code endNanos - startNanos}
     */
    public long elapsedNanos() {
        return endNanos - startNanos;
    }

    /**
     * The time from subscription to the end.
     *
     * @return the elapsed time
     */
    public Duration elapsed() {
        return Duration.ofNanos(elapsedNanos());
    }

    /**
     * The bound values alone, in marker order (nulls included).
     *
     * @return an unmodifiable list of the values
     */
    public List<@Nullable Object> values() {
        List<@Nullable Object> values = new ArrayList<>(binds.size());
        for (Bind bind : binds) values.add(bind.value());
        return Collections.unmodifiableList(values);
    }

    /** The origin, outcome, row count and SQL (never the bound values). */
    @Override
    public String toString() {
        return "[" + origin + ", " + outcome + ", " + rows + " row(s)] " + sql;
    }
}
