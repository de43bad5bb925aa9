package dev.braid.reactive.internal.exec;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import dev.braid.statement.StatementOrigin.Kind;
import org.junit.jupiter.api.Test;
import reactor.util.context.Context;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The meter's counting and its error, without a database. */
class StatementMeterTest {
    private static final RenderedSql QUERY = new RenderedSql("SELECT a FROM authors", List.of(),
            StatementOrigin.of(Kind.QUERY, String.class));
    private static final RenderedSql LOAD = new RenderedSql("SELECT b FROM books WHERE author_id = $1", List.of(),
            StatementOrigin.relationship(String.class, "String.books"));
    private static final RenderedSql SETTING = new RenderedSql("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", List.of(),
            StatementOrigin.of(Kind.SESSION));

    @Test
    void countsUpToTheLimitThenRefusesEveryStatementNamingWhatWasSent() {
        List<RenderedSql> sink = new ArrayList<>();
        StatementMeter meter = new StatementMeter(2, "session.budget(2)", sink::add);

        assertThat(meter.charge(QUERY, Context.empty())).isNull();
        assertThat(meter.charge(SETTING, Context.empty())).isNull(); // session settings do not count
        assertThat(meter.charge(LOAD, StatementMeter.EXPLICIT_LOAD)).isNull();
        MapperException refused = meter.charge(LOAD, StatementMeter.EXPLICIT_LOAD);

        assertThat(meter.count()).isEqualTo(2);
        assertThat(sink).containsExactly(QUERY, LOAD);
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.BRAID_BUDGET);
        assertThat(refused.getMessage()).isEqualTo("[BRAID_BUDGET] Statement budget exceeded: the session may send 2"
                + " statements (session.budget(2)) and has sent 2: 1 query of String, 1 relationship load of String.books."
                + " The next statement (relationship load of String.books) was not sent: SELECT b FROM books WHERE"
                + " author_id = $1. One load of String.books per object is the N+1 pattern. Fix: load String.books for"
                + " all the objects at once: with the query that reads them, .options(Loads.selectin(String_.books)), or"
                + " afterwards with one session.load(objects, String_.books); or, if the work needs more statements,"
                + " raise the budget (session.budget(n), StatementBudget.perSession(n), MapperBuilder.statementBudget(n))");
        // Still refused, still unsent, and not counted.
        assertThat(meter.charge(QUERY, Context.empty())).isNotNull();
        assertThat(meter.count()).isEqualTo(2);
        assertThat(sink).hasSize(2);
    }

    @Test
    void aFirstLoadOrALoadOfAQueryGetsTheGenericFix() {
        StatementMeter first = new StatementMeter(1, "b", null);
        first.charge(QUERY, Context.empty());
        assertThat(first.charge(LOAD, StatementMeter.EXPLICIT_LOAD).getMessage()).contains("Fix: read what the work needs");

        StatementMeter chunks = new StatementMeter(1, "b", null);
        chunks.charge(LOAD, Context.empty());
        assertThat(chunks.charge(LOAD, Context.empty()).getMessage()).contains("Fix: read what the work needs")
                .doesNotContain("N+1");
    }

    @Test
    void aBudgetOfZeroRefusesTheFirstStatementAndANegativeOneIsRefused() {
        assertThat(new StatementMeter(0, "session.budget(0)", null).charge(QUERY, Context.empty()).getMessage())
                .startsWith("[BRAID_BUDGET] Statement budget exceeded: the session may send 0 statements"
                        + " (session.budget(0)) and has sent 0. The next statement (query of String) was not sent");
        assertThatThrownBy(() -> new StatementMeter(-1, "x", null)).isInstanceOf(MapperException.class);
    }

    @Test
    void eachKindIsNamedInTheTally() {
        assertThat(BudgetMessage.describe(StatementOrigin.of(Kind.INSERT, String.class), 2)).isEqualTo("2 INSERTs of String");
        assertThat(BudgetMessage.describe(StatementOrigin.of(Kind.QUERY, String.class), 3)).isEqualTo("3 queries of String");
        assertThat(BudgetMessage.describe(StatementOrigin.of(Kind.ALLOCATE_IDS, String.class), 1)).isEqualTo("1 key allocation of String");
        assertThat(BudgetMessage.describe(StatementOrigin.of(Kind.RAW_SQL), 2)).isEqualTo("2 raw SQL statements");
        for (Kind kind : Kind.values()) {
            assertThat(BudgetMessage.describe(StatementOrigin.of(kind), 1)).startsWith("1 ").doesNotEndWith("s");
        }
    }
}
