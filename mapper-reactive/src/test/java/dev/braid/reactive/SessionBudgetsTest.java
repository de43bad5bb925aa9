package dev.braid.reactive;

import dev.braid.reactive.internal.exec.StatementMeter;
import dev.braid.statement.RenderedSql;
import org.junit.jupiter.api.Test;
import reactor.util.context.Context;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Which budget a new session starts with; none at all when nothing asks for one (nothing counted then). */
class SessionBudgetsTest {
    private final Consumer<RenderedSql> sink = sql -> { };

    @Test
    void noBudgetAndNoSinkMeansNoMeter() {
        SessionBudgets none = new SessionBudgets(-1);
        assertThat(none.meterFor(Context.empty())).isNull();
        assertThat(none.meterFor(Context.of("other", 1))).isNull();
    }

    @Test
    void theScopesBudgetWinsOverTheMappersAndKeepsTheSink() {
        SessionBudgets mapperDefault = new SessionBudgets(5);
        assertThat(mapperDefault.meterFor(Context.empty()).limit()).isEqualTo(5);

        StatementMeter scoped = mapperDefault.meterFor(StatementBudget.perSession(2).putAll(StatementBudget.reportingTo(sink)));
        assertThat(scoped.limit()).isEqualTo(2);
        assertThat(scoped.sink()).isSameAs(sink);
    }

    @Test
    void aSinkAloneMetersWithoutALimitAndAMappersOwnSinkWinsOverTheGeneralOne() {
        SessionBudgets budgets = new SessionBudgets(-1);
        assertThat(budgets.meterFor(StatementBudget.reportingTo(sink)).limit()).isEqualTo(Integer.MAX_VALUE);

        Consumer<RenderedSql> own = sql -> { };
        Context both = StatementBudget.reportingTo(sink).put(budgets.sinkKey(), own);
        assertThat(budgets.meterFor(both).sink()).isSameAs(own);
        // Another mapper's sink is not this mapper's.
        assertThat(budgets.meterFor(Context.of(new SessionBudgets(-1).sinkKey(), own))).isNull();
    }
}
