package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import dev.braid.testkit.RecordingListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Statement budgets: exact counts, the exact error, nothing sent beyond the budget, and budgets per session
 * that never leak into other sessions.
 */
abstract class BudgetContract extends MapperTestBase {
    private static final String WRITERS = "SELECT authors.id, authors.name FROM authors";
    private static final String NOVEL_COLUMNS = "books.id, books.title, books.author_id";
    private static final String RAISE = "; or, if the work needs more statements, raise the budget (session.budget(n),"
            + " StatementBudget.perSession(n), MapperBuilder.statementBudget(n))";

    @Override
    protected MappingRegistry registry() {
        return GraphModel.registry();
    }

    @BeforeEach
    void library() {
        LibraryFixture.seed(mapper);
        recorder().clear();
    }

    private String selectin(int keys) {
        if (postgres()) return "SELECT " + NOVEL_COLUMNS + " FROM books WHERE books.author_id = ANY($1)";
        if (mariadb()) {
            StringBuilder in = new StringBuilder("SELECT " + NOVEL_COLUMNS + " FROM books WHERE books.author_id IN (");
            for (int i = 1; i <= keys; i++) in.append(i > 1 ? ", $" : "$").append(i);
            return in.append(')').toString();
        }
        return "SELECT " + NOVEL_COLUMNS + " FROM TABLE(k bigint = $1) braid_keys JOIN books ON books.author_id = braid_keys.k";
    }

    // One explicit load per writer: the N+1 pattern.
    private static Flux<Writer> loadEach(Session s) {
        return s.select(Writer.class).orderBy(Writer_.id.asc()).all().collectList()
                .flatMapMany(writers -> Flux.fromIterable(writers).concatMap(w -> s.load(w, Writer_.books).thenReturn(w)));
    }

    private static MapperException budgetError(Runnable work) {
        try {
            work.run();
        } catch (MapperException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.BRAID_BUDGET);
            return e;
        }
        throw new AssertionError("the work did not fail with BRAID_BUDGET");
    }

    @Test
    void nPlusOneLoadsFailAtTheBudgetNamingTheRelationshipAndTheSelectinFix() {
        MapperException e = budgetError(() -> mapper.withSession(s -> loadEach(s.budget(3))).blockLast(TIMEOUT));

        assertThat(recorder().statements()).containsExactly(WRITERS + " ORDER BY authors.id", selectin(1), selectin(1));
        assertThat(e.getMessage()).isEqualTo("[BRAID_BUDGET] Statement budget exceeded: the session may send 3 statements"
                + " (session.budget(3)) and has sent 3: 1 query of Writer, 2 relationship loads of Writer.books. The next"
                + " statement (relationship load of Writer.books) was not sent: " + sql(selectin(1)) + ". One load of"
                + " Writer.books per object is the N+1 pattern. Fix: load Writer.books for all the objects at once: with"
                + " the query that reads them, .options(Loads.selectin(Writer_.books)), or afterwards with one"
                + " session.load(objects, Writer_.books)" + RAISE);
    }

    @Test
    void theSelectinFixSendsTwoStatementsWithinABudgetOfTwo() {
        List<Writer> writers = mapper.withSession(s -> s.budget(2).select(Writer.class).orderBy(Writer_.id.asc())
                .options(Loads.selectin(Writer_.books)).all()).collectList().block(TIMEOUT);

        assertThat(writers).extracting(w -> w.books.size()).containsExactly(2, 1, 0);
        assertThat(recorder().statements()).containsExactly(WRITERS + " ORDER BY authors.id", selectin(3));
    }

    @Test
    void selectinChunksOverTheBudgetGetTheGenericFixNotTheSelectinOne() {
        MapperException e = budgetError(() -> mapper.withSession(s -> s.budget(2).select(Writer.class)
                .orderBy(Writer_.id.asc()).options(Loads.selectin(Writer_.books).chunkSize(1)).all()).blockLast(TIMEOUT));

        assertThat(recorder().statements()).containsExactly(WRITERS + " ORDER BY authors.id", selectin(1));
        assertThat(e.getMessage()).isEqualTo("[BRAID_BUDGET] Statement budget exceeded: the session may send 2 statements"
                + " (session.budget(2)) and has sent 2: 1 query of Writer, 1 relationship load of Writer.books. The next"
                + " statement (relationship load of Writer.books) was not sent: " + sql(selectin(1)) + ". Fix: read what"
                + " the work needs in fewer statements (one query for many rows, relationships loaded with the query:"
                + " .options(Loads.selectin(...)), instead of a statement per object)" + RAISE);
    }

    @Test
    void aQueryPerObjectGetsTheGenericFix() {
        MapperException e = budgetError(() -> mapper.withSession(s -> s.budget(1).select(Writer.class).count()
                .thenMany(Flux.just("Jane Austen", "Leo Tolstoy")
                        .concatMap(name -> s.select(Writer.class).where(Writer_.name.eq(name)).one()))).blockLast(TIMEOUT));

        assertThat(recorder().statements()).containsExactly("SELECT COUNT(*) FROM authors");
        assertThat(e.getMessage()).startsWith("[BRAID_BUDGET] Statement budget exceeded: the session may send 1 statement"
                + " (session.budget(1)) and has sent 1: 1 count of Writer. The next statement (query of Writer) was not"
                + " sent: " + sql(WRITERS + " WHERE authors.name = $1 LIMIT $2") + ". Fix: read what the work needs");
    }

    @Test
    void nothingIsWrittenBeyondTheBudgetAndBeginCommitDoNotCount() {
        // Each flush of withSession runs in its own transaction: BEGIN, INSERT, COMMIT; only the INSERT counts.
        MapperException e = budgetError(() -> mapper.withSession(s -> s.budget(2)
                .add(new Writer("One")).then(s.flush())
                .then(s.add(new Writer("Two"))).then(s.flush())
                .then(s.add(new Writer("Three"))).then(s.flush())).blockLast(TIMEOUT));

        String insert = insertReturningId("authors", "name", "$1");
        assertThat(recorder().statements()).containsExactly(insert, insert);
        assertThat(rows("SELECT name FROM authors WHERE name IN ('One', 'Two', 'Three') ORDER BY id"))
                .containsExactly(List.of("One"), List.of("Two"));
        assertThat(e.getMessage()).startsWith("[BRAID_BUDGET] Statement budget exceeded: the session may send 2 statements"
                + " (session.budget(2)) and has sent 2: 2 INSERTs of Writer. The next statement (INSERT of Writer) was"
                + " not sent: " + sql(insert) + ". Fix: read what the work needs");
    }

    @Test
    void aTransactionOverItsBudgetRollsBackAndWritesNothing() {
        assertThatThrownBy(() -> mapper.inTransaction(s -> s.budget(1).select(Writer.class).count()
                .then(s.add(new Writer("Doomed"))).then(s.flush())).blockLast(TIMEOUT))
                .isInstanceOf(MapperException.class).hasMessageContaining("has sent 1: 1 count of Writer. The next"
                        + " statement (INSERT of Writer) was not sent");

        assertThat(recorder().statements()).containsExactly("SELECT COUNT(*) FROM authors");
        assertThat(recorder().transactionEvents()).containsExactly("begin", "rollback");
        assertThat(count("authors")).isEqualTo(3);
    }

    @Test
    void theMapperDefaultBudgetsEverySessionOnItsOwn() {
        Mapper budgeted = Mapper.builder(pool(), registry()).statementBudget(2).build();

        // Two sessions of two statements each: each counts its own.
        for (int i = 0; i < 2; i++) {
            budgeted.withSession(s -> s.select(Writer.class).options(Loads.selectin(Writer_.books)).all()).blockLast(TIMEOUT);
        }
        assertThat(recorder().count()).isEqualTo(4);
        recorder().clear();

        MapperException e = budgetError(() -> budgeted.withSession(BudgetContract::loadEach).blockLast(TIMEOUT));
        assertThat(e.getMessage()).startsWith("[BRAID_BUDGET] Statement budget exceeded: the session may send 2 statements"
                + " (the mapper's statementBudget(2)) and has sent 2: 1 query of Writer, 1 relationship load of"
                + " Writer.books. The next statement (relationship load of Writer.books) was not sent");
        assertThat(recorder().count()).isEqualTo(2);
        // session.budget(n) overrides the default.
        assertThat(budgeted.withSession(s -> loadEach(s.budget(4))).collectList().block(TIMEOUT)).hasSize(3);
    }

    @Test
    void aSessionsBudgetDoesNotLeakIntoOtherSessions() {
        // A session spending its budget of zero, interleaved with an unbudgeted one on the same mapper.
        List<Object> outcome = mapper.withSession(s -> loadEach(s).collectList()).zipWith(
                        mapper.withSession(s -> s.budget(0).select(Writer.class).all().collectList())
                                .map(Object.class::cast).onErrorResume(MapperException.class, e -> Mono.just(e.code())),
                        (List<Writer> a, Object b) -> List.of(a.size(), b))
                .single().block(TIMEOUT);

        assertThat(outcome).containsExactly(3, ErrorCode.BRAID_BUDGET);
        assertThat(recorder().count()).isEqualTo(4);
        // And a later session on the same mapper has no budget.
        assertThat(mapper.withSession(BudgetContract::loadEach).collectList().block(TIMEOUT)).hasSize(3);
    }

    @Test
    void aScopedBudgetGivesEverySessionOpenedUnderItsOwnCount() {
        Flux<Writer> twoSessions = Flux.concat(
                mapper.withSession(s -> s.select(Writer.class).all()),
                mapper.inTransaction(s -> s.select(Writer.class).all()));
        assertThat(twoSessions.contextWrite(StatementBudget.perSession(1)).collectList().block(TIMEOUT)).hasSize(6);

        MapperException e = budgetError(() -> mapper.withSession(BudgetContract::loadEach)
                .contextWrite(StatementBudget.perSession(2)).blockLast(TIMEOUT));
        assertThat(e.getMessage()).startsWith("[BRAID_BUDGET] Statement budget exceeded: the session may send 2 statements"
                + " (StatementBudget.perSession(2)) and has sent 2: 1 query of Writer, 1 relationship load of Writer.books");
        assertThat(recorder().count()).isEqualTo(4);
    }

    @Test
    void reportingToSeesEveryCountedStatementBeforeItIsSent() {
        List<RenderedSql> seen = new CopyOnWriteArrayList<>();
        mapper.withSession(s -> loadEach(s).then(s.add(new Writer("New"))).then(s.flush()))
                .contextWrite(StatementBudget.reportingTo(seen::add)).blockLast(TIMEOUT);

        assertThat(seen).extracting(RenderedSql::sql).containsExactlyElementsOf(sql(recorder().statements()));
        assertThat(seen).extracting(RenderedSql::origin).containsExactly(
                StatementOrigin.of(StatementOrigin.Kind.QUERY, Writer.class),
                StatementOrigin.relationship(Writer.class, "Writer.books"),
                StatementOrigin.relationship(Writer.class, "Writer.books"),
                StatementOrigin.relationship(Writer.class, "Writer.books"),
                StatementOrigin.of(StatementOrigin.Kind.INSERT, Writer.class));
    }

    @Test
    void listenersSeeTheRefusedStatementAsAnErrorThatNeverReachedTheDatabase() {
        RecordingListener recording = new RecordingListener();
        Mapper listened = Mapper.builder(pool(), registry()).listener(recording).build();

        budgetError(() -> listened.withSession(s -> loadEach(s.budget(1))).blockLast(TIMEOUT));

        assertThat(recorder().statements()).containsExactly(WRITERS + " ORDER BY authors.id");
        assertThat(recording.events()).extracting(ExecutionEvent::outcome)
                .containsExactly(ExecutionEvent.Outcome.SUCCESS, ExecutionEvent.Outcome.ERROR);
        assertThat(((MapperException) recording.events().get(1).error()).code()).isEqualTo(ErrorCode.BRAID_BUDGET);
    }

    @Test
    void aNegativeBudgetIsRefused() {
        assertThatThrownBy(() -> mapper.withSession(s -> s.budget(-1).select(Writer.class).all()).blockLast(TIMEOUT))
                .isInstanceOf(MapperException.class).hasMessageContaining("session.budget(n) takes n >= 0, was -1");
        assertThatThrownBy(() -> StatementBudget.perSession(-1)).isInstanceOf(MapperException.class);
        assertThatThrownBy(() -> Mapper.builder(pool(), registry()).statementBudget(-1)).isInstanceOf(MapperException.class);
    }
}
