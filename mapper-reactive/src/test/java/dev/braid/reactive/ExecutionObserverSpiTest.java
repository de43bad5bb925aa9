package dev.braid.reactive;

import dev.braid.core.internal.hydrate.RowView;
import dev.braid.dialect.Dialect;
import dev.braid.reactive.ExecutionEvent.Outcome;
import dev.braid.reactive.internal.exec.ErrorTranslator;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.reactive.internal.exec.WorkObserver;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import dev.braid.testkit.RecordingListener;
import dev.braid.testkit.RecordingObserver;
import dev.braid.testkit.RecordingObserver.Node;
import dev.braid.testkit.ScriptedConnection;
import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.util.RaceTestUtils;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The observer SPI's contract without a database: every start is ended exactly once, also when a cancel races
 * the completion; units end after what ran inside them and count the rows of their own statements; throwing
 * observers and listeners change nothing; nothing is wrapped without observers or listeners.
 */
class ExecutionObserverSpiTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Dialect DIALECT = Dialect.h2();
    private static final RenderedSql SELECT = new RenderedSql("SELECT 1", List.of(), StatementOrigin.of(StatementOrigin.Kind.QUERY));
    private static final RenderedSql UPDATE = new RenderedSql("UPDATE t SET x = 1", List.of(), StatementOrigin.of(StatementOrigin.Kind.UPDATE));
    private static final RowView ROW = new RowView() {
        @Override
        public <V> V get(int index, Class<V> type) {
            return null;
        }
    };

    private final Connection connection = new ScriptedConnection();

    /** A delegate whose statements end when the test says: rows from {@code rows}, completion from {@code done}. */
    private static final class Gate implements StatementExecutor {
        final Sinks.Many<Integer> rows = Sinks.many().unicast().onBackpressureBuffer();
        final Sinks.One<Long> done = Sinks.one();
        RuntimeException throwOnCall;

        @Override
        public <T> Flux<T> query(Connection connection, RenderedSql sql, Function<RowView, T> mapper) {
            if (throwOnCall != null) throw throwOnCall;
            return rows.asFlux().map(i -> mapper.apply(ROW));
        }

        @Override
        public Mono<Long> consume(Connection connection, RenderedSql sql, Consumer<RowView> consumer, boolean bounded) {
            return rows.asFlux().doOnNext(i -> consumer.accept(ROW)).count();
        }

        @Override
        public Mono<Long> update(Connection connection, RenderedSql sql) {
            return done.asMono();
        }

        @Override
        public Mono<List<Object[]>> returning(Connection connection, RenderedSql sql, List<Class<?>> types) {
            return done.asMono().map(n -> List.of());
        }

        @Override
        public ErrorTranslator errors() {
            return ErrorTranslator.of(DIALECT);
        }
    }

    @Test
    void withoutObserversAndListenersTheExecutorIsNotWrappedAndNoUnitIsObserved() {
        Gate base = new Gate();

        assertThat(ObservingExecutor.wrap(base, List.of(), List.of(), DIALECT)).isSameAs(base);
        assertThat(base.work()).isNull();
        StatementExecutor listened = ObservingExecutor.wrap(base, List.of(new RecordingListener()), List.of(), DIALECT);
        assertThat(listened).isInstanceOf(ObservingExecutor.class);
        assertThat(listened.work()).as("listeners see statements only").isNull();
        assertThat(ObservingExecutor.wrap(base, List.of(), List.of(new RecordingObserver()), DIALECT).work()).isNotNull();
    }

    @Test
    void aCancelRacingTheCompletionEndsEveryStatementAndUnitExactlyOnce() {
        AtomicInteger listened = new AtomicInteger();
        for (int i = 0; i < 500; i++) {
            RecordingObserver recording = new RecordingObserver();
            Gate gate = new Gate();
            StatementExecutor executor = ObservingExecutor.wrap(gate, List.of(event -> listened.incrementAndGet()),
                    List.of(recording), DIALECT);
            WorkObserver work = executor.work();
            Mono<Void> unit = work.flush(executor.update(connection, UPDATE).then());
            Flux<Integer> scope = work.session(true, unit.thenMany(executor.query(connection, SELECT, row -> 1)));
            Disposable subscription = scope.subscribe();
            gate.done.tryEmitValue(1L);
            gate.rows.tryEmitNext(1);

            RaceTestUtils.race(gate.rows::tryEmitComplete, subscription::dispose);

            assertThat(recording.tree()).containsExactly("IN_TRANSACTION", "  FLUSH", "    STATEMENT UPDATE",
                    "  STATEMENT QUERY");
            assertThat(recording.nodes()).allSatisfy(n -> {
                assertThat(n.endCount()).as("ends of %s", n).isEqualTo(1);
                assertThat(n.outcome()).isIn(Outcome.SUCCESS, Outcome.CANCEL);
            });
            Node query = recording.nodes().get(3);
            Node session = recording.nodes().get(0);
            assertThat(query.rows()).isEqualTo(1);
            assertThat(recording.nodes().get(1).rows()).as("the flush's UPDATE").isEqualTo(1);
            if (query.outcome() == Outcome.CANCEL) assertThat(session.outcome()).isEqualTo(Outcome.CANCEL);
        }
        assertThat(listened.get()).as("the listener heard each statement once").isEqualTo(1000);
    }

    @Test
    void aCancelledUnitEndsAfterTheStatementInsideIt() {
        RecordingObserver recording = new RecordingObserver();
        Gate gate = new Gate();
        StatementExecutor executor = ObservingExecutor.wrap(gate, List.of(), List.of(recording), DIALECT);

        StepVerifier.create(executor.work().load(Object.class, "items", "Shelf.items",
                        executor.consume(connection, SELECT, row -> { }, true).then()))
                .then(() -> gate.rows.tryEmitNext(1))
                .thenCancel()
                .verify(TIMEOUT);

        assertThat(recording.tree()).containsExactly("LOAD Shelf.items", "  STATEMENT QUERY");
        Node load = recording.nodes().get(0);
        Node statement = recording.nodes().get(1);
        assertThat(statement.outcome()).isEqualTo(Outcome.CANCEL);
        assertThat(statement.rows()).isEqualTo(1);
        assertThat(load.outcome()).isEqualTo(Outcome.CANCEL);
        assertThat(load.rows()).isEqualTo(1);
        assertThat(statement.endOrder()).isLessThan(load.endOrder());
    }

    @Test
    void aDelegateThrowingOnTheCallEndsTheStatementAsAnError() {
        RecordingObserver recording = new RecordingObserver();
        Gate gate = new Gate();
        gate.throwOnCall = new IllegalStateException("driver bug");
        StatementExecutor executor = ObservingExecutor.wrap(gate, List.of(), List.of(recording), DIALECT);

        StepVerifier.create(executor.query(connection, SELECT, row -> 1)).verifyErrorMessage("driver bug");

        assertThat(recording.nodes()).singleElement().satisfies(n -> {
            assertThat(n.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(n.error()).isSameAs(gate.throwOnCall);
            assertThat(n.endCount()).isEqualTo(1);
        });
    }

    @Test
    void throwingObserversAndListenersChangeNothingAndTheOthersAreStillCalled() {
        RecordingObserver recording = new RecordingObserver();
        RecordingListener listener = new RecordingListener();
        ExecutionObserver throwsOnStart = (execution, context) -> { throw new IllegalStateException("start"); };
        ExecutionObserver returnsNull = (execution, context) -> null;
        ExecutionObserver throwsOnEnd = (execution, context) -> (outcome, rows, error) -> { throw new IllegalStateException("end"); };
        Gate gate = new Gate();
        StatementExecutor executor = ObservingExecutor.wrap(gate,
                List.of(event -> { throw new IllegalStateException("listener"); }, listener),
                List.of(throwsOnStart, returnsNull, throwsOnEnd, recording), DIALECT);

        Mono<Long> flush = executor.work().flush(executor.update(connection, UPDATE).then()).thenReturn(7L);
        StepVerifier.create(flush).then(() -> gate.done.tryEmitValue(3L)).expectNext(7L).verifyComplete();

        assertThat(recording.tree()).containsExactly("FLUSH", "  STATEMENT UPDATE");
        assertThat(recording.nodes()).allSatisfy(n -> assertThat(n.outcome()).isEqualTo(Outcome.SUCCESS));
        assertThat(recording.nodes()).extracting(Node::rows).containsExactly(3L, 3L);
        assertThat(listener.events()).singleElement().satisfies(e -> {
            assertThat(e.rows()).isEqualTo(3);
            assertThat(e.sql()).isEqualTo(UPDATE.sql());
        });
    }

    @Test
    void aMapperWithAnObserverWrapsItsExecutorAndAPlainOneDoesNot() {
        Mapper plain = Mapper.builder(new ScriptedConnection().factory("scripted"), dev.braid.reactive.graph.GraphModel.registry())
                .dialect(DIALECT).build();
        Mapper observed = Mapper.builder(new ScriptedConnection().factory("scripted"), dev.braid.reactive.graph.GraphModel.registry())
                .dialect(DIALECT).observer(new RecordingObserver()).build();

        assertThat(plain.executor().work()).isNull();
        assertThat(plain.executor()).isNotInstanceOf(ObservingExecutor.class);
        assertThat(observed.executor()).isInstanceOf(ObservingExecutor.class);
        assertThat(observed.executor().work()).isNotNull();
    }
}
