package dev.braid.testing;

import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The capture's bookkeeping and messages, without a database: statements fed through its context's sink. */
class StatementCaptureTest {

    @SuppressWarnings("unchecked")
    private static void send(StatementCapture capture, RenderedSql sql) {
        // The sink is the only value of the capture's context: what a session finds there and calls.
        Consumer<RenderedSql> sink = (Consumer<RenderedSql>) capture.context().stream().findFirst().orElseThrow().getValue();
        sink.accept(sql);
    }

    @Test
    void recordsInOrderAndAssertsCountAndTexts() {
        StatementCapture capture = StatementCapture.ofAllMappers();
        send(capture, new RenderedSql("SELECT 1", List.of(), StatementOrigin.of(StatementOrigin.Kind.RAW_SQL)));
        send(capture, new RenderedSql("DELETE FROM t", List.of(), StatementOrigin.of(StatementOrigin.Kind.BULK_DELETE, String.class)));

        capture.assertCount(2).assertSql("SELECT 1", "DELETE FROM t");
        assertThat(capture.origins()).extracting(StatementOrigin::kind)
                .containsExactly(StatementOrigin.Kind.RAW_SQL, StatementOrigin.Kind.BULK_DELETE);
        assertThatThrownBy(() -> capture.assertCount(1)).isExactlyInstanceOf(AssertionError.class)
                .hasMessage("Expected 1 statement but 2 were sent:\n  1. [RAW_SQL] SELECT 1\n  2. [BULK_DELETE String] DELETE FROM t");
        capture.clear();
        capture.assertCount(0).assertSql();
        assertThatThrownBy(() -> capture.assertSql("SELECT 1")).hasMessage("Expected the statements\n  1. SELECT 1\nbut 0 were sent");
    }

    @Test
    void recordPutsTheContextOnTheWork() {
        StatementCapture capture = StatementCapture.ofAllMappers();
        Object key = capture.context().stream().findFirst().orElseThrow().getKey();

        Boolean seen = capture.record(Mono.deferContextual(view -> Mono.just(view.hasKey(key)))).blockLast();

        assertThat(seen).isTrue();
        assertThatThrownBy(() -> StatementCapture.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
