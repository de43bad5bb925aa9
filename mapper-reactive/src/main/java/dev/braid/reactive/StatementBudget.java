package dev.braid.reactive;

import dev.braid.core.internal.util.Require;
import dev.braid.statement.RenderedSql;
import reactor.util.context.Context;

import java.util.function.Consumer;

/**
 * Statement budgets for a scope of reactive work, through the Reactor context: every session a {@link Mapper}
 * opens (or joins, inside a managed transaction) under that context gets the budget. The scoped form of
 * {@link Session#budget(int)}, for code that does not hold the session, such as a WebFlux filter setting a
 * budget per request:
 *
 * <pre>{@code
 * return chain.filter(exchange).contextWrite(StatementBudget.perSession(20));
 * }</pre>
 *
 * <p>A session over its budget fails the operation that would send the extra statement with
 * {@code BRAID_BUDGET}, before that statement is sent; see {@link Session#budget(int)} for what counts.
 * Precedence: {@code session.budget(n)} (the latest call) over the scope's budget over the mapper's
 * {@link MapperBuilder#statementBudget(int) default}.
 */
public final class StatementBudget {
    /** Context key of the per-session limit. */
    static final Object LIMIT = new Object();
    /** Context key of the statement sink. */
    static final Object SINK = new Object();

    private StatementBudget() {}

    /**
     * A context giving each session opened under it a budget of {@code statements}: put it on the publisher
     * that opens the sessions, {@code .contextWrite(StatementBudget.perSession(20))}.
     *
     * @param statements the statements each session may send, at least 0
     * @return the context to write
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code statements} is negative
     */
    public static Context perSession(int statements) {
        Require.argument(statements >= 0, "StatementBudget.perSession(n) takes n >= 0, was " + statements);
        return Context.of(LIMIT, statements);
    }

    /**
     * A context under which every statement a session opened under it sends (the same statements a budget
     * counts) is reported to {@code statements} just before it is sent, on the thread sending it: for test tools
     * such as {@code dev.braid:braid-testing}'s {@code BraidAssertions}. Statements a budget refuses are not
     * reported. Combine with {@link #perSession(int)} by writing both.
     *
     * @param statements told about each statement (SQL, binds, origin); must be thread-safe and must not block
     * @return the context to write
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code statements} is null
     */
    public static Context reportingTo(Consumer<RenderedSql> statements) {
        return Context.of(SINK, Require.nonNull(statements, "statements"));
    }

    /**
     * {@link #reportingTo(Consumer)} for the sessions of one mapper only (and its {@link Mapper#independent()}
     * view): sessions of other mappers opened under the same context are not reported. It takes precedence over
     * {@link #reportingTo(Consumer)} for that mapper's sessions.
     *
     * @param mapper     the mapper whose sessions' statements are reported
     * @param statements told about each statement; must be thread-safe and must not block
     * @return the context to write
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when either is null
     */
    public static Context reportingTo(Mapper mapper, Consumer<RenderedSql> statements) {
        return Context.of(Require.nonNull(mapper, "mapper").budgets().sinkKey(), Require.nonNull(statements, "statements"));
    }
}
