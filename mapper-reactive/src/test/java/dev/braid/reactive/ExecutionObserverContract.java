package dev.braid.reactive;

import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.ExecutionEvent.Outcome;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Novel;
import dev.braid.reactive.graph.Novel_;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import dev.braid.testkit.RecordingObserver;
import dev.braid.testkit.RecordingObserver.Node;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Execution observers see every statement and unit of work from start to end, exactly once each, nested as the
 * work ran: statements under the flush, load or stream window that sent them, those under the session scope,
 * the scope under whatever the subscriber's context held; with the SQL the wire saw, rows, outcome and error.
 */
abstract class ExecutionObserverContract extends MapperTestBase {
    private final RecordingObserver recording = new RecordingObserver();
    private Mapper observed;

    @Override
    protected MappingRegistry registry() {
        return GraphModel.registry();
    }

    @BeforeEach
    void observedMapper() {
        observed = Mapper.builder(pool(), registry()).observer(recording).build();
        recording.clear();
        recorder().clear();
    }

    @Test
    void aQueryWithANestedSelectinPathNestsEachLoadAndItsStatementsUnderTheSession() {
        LibraryFixture.seed(mapper);
        recorder().clear();

        List<Writer> writers = observed.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc())
                .options(Loads.selectin(Writer_.books, Novel_.reviews)).all()).collectList().block(TIMEOUT);

        assertThat(writers).hasSize(3);
        assertThat(recording.tree()).containsExactly(
                "WITH_SESSION",
                "  STATEMENT QUERY Writer",
                "  LOAD Writer.books",
                "    STATEMENT RELATIONSHIP_LOAD Writer.books",
                "    LOAD Writer.books.reviews",
                "      STATEMENT RELATIONSHIP_LOAD Novel.reviews");
        assertThat(recording.statements()).isEqualTo(sql(recorder().statements()));
        assertEndedOnceEachAfterTheirChildren(Outcome.SUCCESS);
        // Rows: each statement's own; a unit's are those of the statements it sent itself.
        assertThat(recording.nodes()).extracting(Node::rows).containsExactly(3L, 3L, 3L, 3L, 2L, 2L);
        Node books = recording.nodes().get(2);
        assertThat(books.execution.entity()).isEqualTo(Writer.class);
        assertThat(recording.nodes().get(4).execution.entity()).isEqualTo(Novel.class);
        assertThat(recording.nodes().get(0).execution.database()).isEqualTo(dialect());
    }

    @Test
    void aJoinedLoadIsAUnitWhoseDeeperSelectinStepContinuesItsPath() {
        LibraryFixture.seed(mapper);

        observed.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc())
                .options(Loads.joined(Writer_.books), Loads.selectin(Writer_.books, Novel_.reviews)).all()).collectList().block(TIMEOUT);

        assertThat(recording.tree()).as(recorder().statements().toString()).containsExactly(
                "WITH_SESSION",
                "  STATEMENT QUERY Writer",
                "  LOAD Writer.books",
                "    LOAD Writer.books.reviews",
                "      STATEMENT RELATIONSHIP_LOAD Novel.reviews");
        assertEndedOnceEachAfterTheirChildren(Outcome.SUCCESS);
    }

    @Test
    void aFlushIsAUnitOfItsInsertsInsideTheTransaction() {
        Writer austen = new Writer("Jane Austen");
        new Novel("Emma", austen);
        new Novel("Persuasion", austen);

        observed.inTransaction(s -> s.add(austen)).blockLast(TIMEOUT);

        List<String> tree = recording.tree();
        assertThat(tree.subList(0, 2)).containsExactly("IN_TRANSACTION", "  FLUSH");
        assertThat(tree.subList(2, tree.size())).allMatch(line -> line.startsWith("    STATEMENT "))
                .contains("    STATEMENT INSERT Writer", "    STATEMENT INSERT Novel");
        Node flush = recording.nodes().get(1);
        assertThat(flush.children()).extracting(n -> n.execution.sql()).isEqualTo(sql(recorder().statements()));
        assertThat(flush.rows()).isEqualTo(flush.children().stream().mapToLong(Node::rows).sum());
        assertThat(flush.children()).filteredOn(n -> n.label().equals("STATEMENT INSERT Novel"))
                .singleElement().extracting(Node::rows).isEqualTo(2L);
        assertThat(recording.nodes().get(0).rows()).isZero(); // the transaction sent no statement itself
        assertEndedOnceEachAfterTheirChildren(Outcome.SUCCESS);
        assertThat(count("books")).isEqualTo(2);
    }

    @Test
    void eachStreamWindowIsAUnitOfItsReadAndItsLoads() {
        LibraryFixture.seed(mapper);

        recorder().clear();

        List<Writer> writers = observed.withSession(s -> s.select(Writer.class)
                .options(Loads.selectin(Writer_.books)).stream(2)).collectList().block(TIMEOUT);

        assertThat(writers).hasSize(3);
        Node session = recording.roots().get(0);
        assertThat(recording.roots()).hasSize(1);
        List<Node> windows = session.children().stream()
                .filter(n -> n.execution.kind() == Execution.Kind.STREAM_WINDOW).toList();
        assertThat(windows).hasSize(2).extracting(Node::rows).containsExactly(2L, 1L);
        for (Node window : windows) {
            assertThat(window.execution.entity()).isEqualTo(Writer.class);
            assertThat(window.children()).hasSize(2);
            assertThat(window.children().get(0).execution.kind()).isEqualTo(Execution.Kind.STATEMENT);
            assertThat(window.children().get(1).tree())
                    .containsExactly("LOAD Writer.books", "  STATEMENT RELATIONSHIP_LOAD Writer.books");
        }
        // PostgreSQL declares and closes a cursor in the session; H2 reads keyset pages, inside the windows only.
        assertThat(session.children().stream().filter(n -> n.execution.kind() == Execution.Kind.STATEMENT)
                .map(n -> n.execution.sql().split(" ")[0]).toList())
                .isEqualTo(postgres() ? List.of("DECLARE", "CLOSE") : List.of());
        assertThat(recording.statements()).isEqualTo(sql(recorder().statements()));
        assertEndedOnceEachAfterTheirChildren(Outcome.SUCCESS);
    }

    @Test
    void aFailingStatementEndsItsFlushAndTransactionWithTheSameError() {
        recorder().failNextMatching("INSERT INTO authors");

        StepVerifier.create(observed.inTransaction(s -> s.add(new Writer("Doomed"))))
                .expectNextCount(1).expectError(MapperException.class).verify(TIMEOUT);

        Node insert = recording.nodes().stream().filter(n -> n.label().equals("STATEMENT INSERT Writer")).findFirst().orElseThrow();
        assertThat(insert.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(insert.error()).isInstanceOf(MapperException.class);
        assertThat(insert.parent.label()).isEqualTo("FLUSH");
        assertThat(insert.parent.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(insert.parent.error()).isSameAs(insert.error());
        assertThat(insert.parent.parent.label()).isEqualTo("IN_TRANSACTION");
        assertThat(insert.parent.parent.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(recording.nodes()).allSatisfy(n -> assertThat(n.endCount()).isEqualTo(1));
        assertThat(count("authors")).isZero();
    }

    @Test
    void takeCancelsTheStatementFirstThenTheSession() {
        LibraryFixture.seed(mapper);

        List<Writer> first = observed.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).all())
                .take(1).collectList().block(TIMEOUT);

        assertThat(first).hasSize(1);
        assertThat(awaitAllReleased(TIMEOUT)).isTrue();
        assertThat(recording.tree()).containsExactly("WITH_SESSION", "  STATEMENT QUERY Writer");
        Node session = recording.nodes().get(0);
        Node query = recording.nodes().get(1);
        assertThat(query.outcome()).isEqualTo(Outcome.CANCEL);
        assertThat(query.rows()).isBetween(1L, 3L);
        assertThat(session.outcome()).isEqualTo(Outcome.CANCEL);
        assertThat(query.endOrder()).isLessThan(session.endOrder());
        assertThat(recording.nodes()).allSatisfy(n -> assertThat(n.endCount()).isEqualTo(1));
    }

    @Test
    void theSessionStartsWithTheSubscribersContextAndTheStatementsSeeWhatTheUnitsPropagated() {
        LibraryFixture.seed(mapper);
        Object requestKey = "request";

        observed.withSession(s -> s.select(Writer.class).options(Loads.selectin(Writer_.books)).all())
                .contextWrite(Context.of(requestKey, "GET /writers"))
                .blockLast(TIMEOUT);

        assertThat(recording.nodes()).allSatisfy(n ->
                assertThat((Object) n.startContext.getOrDefault(requestKey, null)).isEqualTo("GET /writers"));
        // The load's statement also sees the session's and the load's own entries.
        Node loadStatement = recording.nodes().get(3);
        assertThat(loadStatement.label()).isEqualTo("STATEMENT RELATIONSHIP_LOAD Writer.books");
        assertThat(loadStatement.parent.label()).isEqualTo("LOAD Writer.books");
        assertThat(loadStatement.parent.parent.label()).isEqualTo("WITH_SESSION");
    }

    @Test
    void anExplicitLoadIsAUnitOfItsOwn() {
        LibraryFixture.seed(mapper);

        observed.withSession(s -> s.select(Writer.class).all().collectList()
                .flatMap(writers -> s.load(writers, Writer_.books))).blockLast(TIMEOUT);

        assertThat(recording.tree()).containsExactly(
                "WITH_SESSION",
                "  STATEMENT QUERY Writer",
                "  LOAD Writer.books",
                "    STATEMENT RELATIONSHIP_LOAD Writer.books");
    }

    @Test
    void observersThatThrowChangeNothingAndTheOthersStillSeeEverything() {
        ExecutionObserver throwsOnStart = (execution, context) -> { throw new IllegalStateException("broken start"); };
        ExecutionObserver throwingHandles = (execution, context) -> new ExecutionObserver.Handle() {
            @Override
            public void end(Outcome outcome, long rows, Throwable error) { throw new IllegalStateException("broken end"); }

            @Override
            public Context propagate(Context context) { throw new IllegalStateException("broken propagate"); }
        };
        Mapper broken = Mapper.builder(pool(), registry())
                .observer(throwsOnStart).observer(throwingHandles).observer(recording).build();
        Writer tolstoy = new Writer("Leo Tolstoy");
        new Novel("War and Peace", tolstoy);

        broken.inTransaction(s -> s.add(tolstoy)).blockLast(TIMEOUT);
        List<Writer> read = broken.withSession(s -> s.select(Writer.class).options(Loads.selectin(Writer_.books)).all())
                .collectList().block(TIMEOUT);

        assertThat(read).singleElement().satisfies(w -> assertThat(w.books).hasSize(1));
        assertThat(recording.statements()).isEqualTo(sql(recorder().statements()));
        assertThat(recording.tree()).contains("WITH_SESSION", "  STATEMENT QUERY Writer", "  LOAD Writer.books",
                "    STATEMENT RELATIONSHIP_LOAD Writer.books");
        assertEndedOnceEachAfterTheirChildren(Outcome.SUCCESS);
    }

    private void assertEndedOnceEachAfterTheirChildren(Outcome outcome) {
        assertThat(recording.nodes()).isNotEmpty().allSatisfy(n -> {
            assertThat(n.endCount()).as("ends of %s", n).isEqualTo(1);
            assertThat(n.outcome()).as("outcome of %s", n).isEqualTo(outcome);
            if (n.parent != null) assertThat(n.endOrder()).as("%s ends before %s", n, n.parent).isLessThan(n.parent.endOrder());
        });
    }
}
