package dev.braid.reactive.internal.exec;

import dev.braid.core.internal.util.Require;
import dev.braid.error.MapperException;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One session's statement budget: counts the statements the session is about to send, grouped by origin, and
 * refuses the first one over the limit before it is sent (an N+1 guard). Optionally reports each counted
 * statement, before it is sent, to a sink (test tools). A session without a budget and without a sink has no
 * meter at all, so unbudgeted statements pay nothing but one field read of their {@link StatementFence}.
 *
 * <p>What counts: every statement the session sends through its executor (queries, counts, relationship loads,
 * cursor statements, flush steps and key allocations, raw SQL, upserts, links, bulk writes). What does not: the
 * session settings ({@link StatementOrigin.Kind#SESSION}), and BEGIN, COMMIT, ROLLBACK and savepoints, which are
 * sent through the R2DBC connection API and never reach the executor.
 */
public final class StatementMeter {
    /** Context marker of an explicit {@code session.load(...)}: its relationship loads are its own, not a query's. */
    public static final Context EXPLICIT_LOAD = Context.of(StatementMeter.class, Boolean.TRUE);

    private final int limit;
    private final String source;
    private final @Nullable Consumer<RenderedSql> sink;
    // Statements of one session run one at a time, but on different threads: the lock gives visibility.
    private final Map<StatementOrigin, Integer> sent = new LinkedHashMap<>();
    private int count;

    /**
     * @param limit  the statements allowed from now ({@link Integer#MAX_VALUE}: no limit, only the sink)
     * @param source how the budget was set, for the error message ({@code "session.budget(3)"})
     * @param sink   told about each counted statement before it is sent, or null
     */
    public StatementMeter(int limit, String source, @Nullable Consumer<RenderedSql> sink) {
        Require.argument(limit >= 0, "A statement budget takes n >= 0, was " + limit);
        this.limit = limit;
        this.source = Require.nonNull(source, "source");
        this.sink = sink;
    }

    /** The sink this meter reports to, or null; a new budget for the same session keeps it. */
    public @Nullable Consumer<RenderedSql> sink() {
        return sink;
    }

    /** The statements allowed, {@link Integer#MAX_VALUE} for a meter without a limit. */
    public int limit() {
        return limit;
    }

    /**
     * Counts {@code sql} about to be sent under {@code context}, or refuses it.
     *
     * @return null when it may be sent; else the {@code BRAID_BUDGET} error to fail it with, unsent
     */
    @Nullable MapperException charge(RenderedSql sql, ContextView context) {
        StatementOrigin origin = sql.origin();
        if (origin.kind() == StatementOrigin.Kind.SESSION) return null;
        synchronized (this) {
            if (count >= limit) {
                return BudgetMessage.exceeded(limit, source, new LinkedHashMap<>(sent), sql,
                        context.hasKey(StatementMeter.class));
            }
            count++;
            sent.merge(origin, 1, Integer::sum);
        }
        if (sink != null) sink.accept(sql);
        return null;
    }

    /** The statements counted so far, for tests. */
    synchronized int count() {
        return count;
    }
}
