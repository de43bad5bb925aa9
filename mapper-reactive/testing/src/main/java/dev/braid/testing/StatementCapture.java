package dev.braid.testing;

import dev.braid.reactive.Mapper;
import dev.braid.reactive.StatementBudget;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.util.context.Context;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the statements that Braid sessions opened under its {@linkplain #context() context} send (SQL, binds,
 * origin), in the order they are sent, to assert their number and texts:
 *
 * <pre>{@code
 * StatementCapture capture = StatementCapture.of(mapper);
 * capture.record(mapper.withSession(s -> s.select(Author.class).all())).blockLast();
 * capture.assertCount(1).assertSql("SELECT authors.id, authors.name FROM authors");
 * }</pre>
 *
 * It counts what a statement budget counts (see {@code Session.budget(int)}): every statement a session sends,
 * but not BEGIN, COMMIT, ROLLBACK, savepoints or session settings, nor the mapper's schema DDL. Texts are as
 * sent, with the dialect's bind markers ({@code $1} on PostgreSQL and H2, {@code ?} on MariaDB). Thread-safe.
 * Assertion failures are plain {@link AssertionError}s listing every statement with its origin.
 */
public final class StatementCapture {
    private final List<RenderedSql> statements = new CopyOnWriteArrayList<>();
    private final Context context;

    private StatementCapture(@Nullable Mapper mapper) {
        this.context = mapper == null ? StatementBudget.reportingTo(statements::add)
                : StatementBudget.reportingTo(mapper, statements::add);
    }

    /**
     * A capture of the statements of one mapper's sessions.
     *
     * @param mapper the mapper whose sessions are recorded (sessions of other mappers are not)
     * @return an empty capture
     */
    public static StatementCapture of(Mapper mapper) {
        if (mapper == null) throw new IllegalArgumentException("StatementCapture.of(mapper): mapper is null");
        return new StatementCapture(mapper);
    }

    /**
     * A capture of the statements of every mapper's sessions opened under its context.
     *
     * @return an empty capture
     */
    public static StatementCapture ofAllMappers() {
        return new StatementCapture(null);
    }

    /**
     * The Reactor context under which sessions report to this capture: {@code publisher.contextWrite(capture.context())}.
     *
     * @return the context to write
     */
    public Context context() {
        return context;
    }

    /**
     * {@code work} with this capture's context: the sessions it opens when subscribed are recorded.
     *
     * @param work the publisher that opens sessions ({@code mapper.withSession(...)}, a service call, ...)
     * @param <T>  the type of its values
     * @return the same values, recorded when subscribed
     */
    public <T> Flux<T> record(Publisher<T> work) {
        return Flux.from(work).contextWrite(context);
    }

    /**
     * The statements recorded so far, in the order they were sent.
     *
     * @return an unmodifiable copy
     */
    public List<RenderedSql> statements() {
        return List.copyOf(statements);
    }

    /**
     * The texts of the statements recorded so far.
     *
     * @return the SQL, in order
     */
    public List<String> sql() {
        return statements.stream().map(RenderedSql::sql).toList();
    }

    /**
     * Who issued each statement recorded so far.
     *
     * @return the origins, in order
     */
    public List<StatementOrigin> origins() {
        return statements.stream().map(RenderedSql::origin).toList();
    }

    /**
     * How many statements were recorded.
     *
     * @return the count
     */
    public int count() {
        return statements.size();
    }

    /** Forgets the statements recorded so far. */
    public void clear() {
        statements.clear();
    }

    /**
     * Checks how many statements were recorded.
     *
     * @param expected the number of statements expected
     * @return this capture
     * @throws AssertionError listing every statement with its origin, when the count differs
     */
    public StatementCapture assertCount(int expected) {
        List<RenderedSql> seen = statements();
        if (seen.size() != expected) {
            throw new AssertionError("Expected " + expected + " statement" + (expected == 1 ? "" : "s") + " but "
                    + seen.size() + (seen.size() == 1 ? " was" : " were") + " sent" + list(seen));
        }
        return this;
    }

    /**
     * Checks the texts of the statements recorded, all of them, in order.
     *
     * @param expected the statements expected, as sent
     * @return this capture
     * @throws AssertionError listing every statement with its origin, when they differ
     */
    public StatementCapture assertSql(String... expected) {
        List<RenderedSql> seen = statements();
        List<String> texts = seen.stream().map(RenderedSql::sql).toList();
        if (!texts.equals(Arrays.asList(expected))) {
            StringBuilder out = new StringBuilder("Expected the statements");
            for (int i = 0; i < expected.length; i++) out.append("\n  ").append(i + 1).append(". ").append(expected[i]);
            if (expected.length == 0) out.append(" (none)");
            throw new AssertionError(out.append("\nbut ").append(seen.size()).append(seen.size() == 1 ? " was" : " were")
                    .append(" sent").append(list(seen)).toString());
        }
        return this;
    }

    /**
     * The statements recorded so far, one per line, numbered, each with its origin.
     *
     * @return the listing ({@code "1. [QUERY Author] SELECT ..."}), lines separated by {@code \n}; empty when none
     */
    public String describe() {
        List<RenderedSql> seen = statements();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < seen.size(); i++) {
            out.append(i > 0 ? "\n" : "").append(i + 1).append(". [").append(seen.get(i).origin()).append("] ")
                    .append(seen.get(i).sql());
        }
        return out.toString();
    }

    static String list(List<RenderedSql> statements) {
        if (statements.isEmpty()) return "";
        StringBuilder out = new StringBuilder(":");
        for (int i = 0; i < statements.size(); i++) {
            RenderedSql sql = statements.get(i);
            out.append("\n  ").append(i + 1).append(". [").append(sql.origin()).append("] ").append(sql.sql());
        }
        return out.toString();
    }
}
