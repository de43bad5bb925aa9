package dev.braid.reactive;

import dev.braid.reactive.internal.exec.StatementMeter;
import dev.braid.statement.RenderedSql;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

import java.util.function.Consumer;

/**
 * The statement budget a new session of a mapper starts with: the scope's ({@link StatementBudget} in the
 * subscriber's context), else the mapper's default ({@link MapperBuilder#statementBudget(int)}), else none; and
 * the sink its statements are reported to (the one for this mapper, else the one for every mapper), if any.
 *
 * @param mapperDefault the mapper's default budget per session, or -1 for none
 * @param sinkKey       the context key of the sink for this mapper's sessions only
 */
record SessionBudgets(int mapperDefault, Object sinkKey) {

    SessionBudgets(int mapperDefault) {
        this(mapperDefault, new Object());
    }

    /** The meter for a session opened under {@code context}, or null when it has neither budget nor sink. */
    @Nullable StatementMeter meterFor(ContextView context) {
        if (context.isEmpty()) return mapperDefault < 0 ? null : mapperMeter(null);
        @SuppressWarnings("unchecked")
        Consumer<RenderedSql> sink = context.getOrDefault(sinkKey, context.getOrDefault(StatementBudget.SINK, null));
        Integer scoped = context.getOrDefault(StatementBudget.LIMIT, null);
        if (scoped != null) return new StatementMeter(scoped, "StatementBudget.perSession(" + scoped + ")", sink);
        if (mapperDefault >= 0) return mapperMeter(sink);
        return sink == null ? null : new StatementMeter(Integer.MAX_VALUE, "no budget", sink);
    }

    private StatementMeter mapperMeter(@Nullable Consumer<RenderedSql> sink) {
        return new StatementMeter(mapperDefault, "the mapper's statementBudget(" + mapperDefault + ")", sink);
    }
}
