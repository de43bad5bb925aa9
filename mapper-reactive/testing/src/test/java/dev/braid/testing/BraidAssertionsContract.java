package dev.braid.testing;

import dev.braid.query.Loads;
import dev.braid.reactive.Mapper;
import dev.braid.reactive.Session;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Novel;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import dev.braid.statement.StatementOrigin;
import dev.braid.testkit.DatabaseTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

import static dev.braid.testing.BraidAssertions.assertStatements;
import static dev.braid.testing.BraidAssertions.captureStatements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The testing module against a real database: counts, listings, and only the work's own statements counted. */
abstract class BraidAssertionsContract extends DatabaseTestBase {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String WRITERS = "SELECT authors.id, authors.name FROM authors ORDER BY authors.id";
    private Mapper mapper;

    @BeforeAll
    void createMapper() {
        mapper = Mapper.builder(pool(), GraphModel.registry()).build();
    }

    @BeforeEach
    void library() {
        mapper.schema().dropAll().then(mapper.schema().createAll()).block(TIMEOUT);
        mapper.inTransaction(s -> {
            Writer austen = new Writer("Jane Austen");
            new Novel("Emma", austen);
            new Novel("Persuasion", austen);
            return s.addAll(List.of(austen, new Writer("Leo Tolstoy"), new Writer("Nobody")));
        }).blockLast(TIMEOUT);
    }

    private String books() {
        return database().name().equals("postgresql")
                ? "SELECT books.id, books.title, books.author_id FROM books WHERE books.author_id = ANY($1)"
                : "SELECT books.id, books.title, books.author_id FROM TABLE(k bigint = $1) braid_keys JOIN books ON books.author_id = braid_keys.k";
    }

    private static Flux<Writer> selectin(Session s) {
        return s.select(Writer.class).orderBy(Writer_.id.asc()).options(Loads.selectin(Writer_.books)).all();
    }

    private static Flux<Writer> loadEach(Session s) {
        return s.select(Writer.class).orderBy(Writer_.id.asc()).all().collectList()
                .flatMapMany(writers -> Flux.fromIterable(writers).concatMap(w -> s.load(w, Writer_.books).thenReturn(w)));
    }

    @Test
    void theSelectinQueryPassesWithTwoStatementsAndReturnsItsValues() {
        List<Writer> writers = assertStatements(mapper, 2, BraidAssertionsContract::selectin);

        assertThat(writers).extracting(w -> w.name).containsExactly("Jane Austen", "Leo Tolstoy", "Nobody");
        assertThat(writers.get(0).books).extracting(b -> b.title).containsExactly("Emma", "Persuasion");
    }

    @Test
    void nPlusOneLoadsFailListingEveryStatementWithItsOrigin() {
        assertThatThrownBy(() -> assertStatements(mapper, 2, BraidAssertionsContract::loadEach))
                .isExactlyInstanceOf(AssertionError.class)
                .hasMessage("Expected 2 statements but 4 were sent:"
                        + "\n  1. [QUERY Writer] " + WRITERS
                        + "\n  2. [RELATIONSHIP_LOAD Writer.books] " + books()
                        + "\n  3. [RELATIONSHIP_LOAD Writer.books] " + books()
                        + "\n  4. [RELATIONSHIP_LOAD Writer.books] " + books());
    }

    @Test
    void theSupplierFormCountsEverySessionOfTheMapperAndNoOtherMappers() {
        Mapper other = Mapper.builder(pool(), GraphModel.registry()).build();

        List<Long> counts = assertStatements(mapper, 2, () -> Flux.concat(
                mapper.withSessionMono(s -> s.select(Writer.class).count()),
                mapper.inTransactionMono(s -> s.select(Novel.class).count()),
                other.withSessionMono(s -> s.select(Novel.class).count())));

        assertThat(counts).containsExactly(3L, 2L, 2L);
    }

    @Test
    void writesCountEachFlushStepButNotBeginAndCommit() {
        StatementCapture capture = captureStatements(mapper, () -> mapper.inTransaction(s ->
                s.add(new Writer("Woolf")).then(s.flush()).then(s.add(new Writer("Eliot")))));

        capture.assertCount(2);
        assertThat(capture.origins()).containsOnly(StatementOrigin.of(StatementOrigin.Kind.INSERT, Writer.class));
        assertThat(capture.sql()).allSatisfy(sql -> assertThat(sql).contains("INSERT INTO authors (name) VALUES ($1)"));
    }

    @Test
    void assertSqlComparesTheTextsAndListsWhatWasSent() {
        StatementCapture capture = captureStatements(mapper, () -> mapper.withSession(BraidAssertionsContract::selectin));

        capture.assertSql(WRITERS, books());
        assertThatThrownBy(() -> capture.assertSql(WRITERS))
                .isExactlyInstanceOf(AssertionError.class)
                .hasMessage("Expected the statements\n  1. " + WRITERS + "\nbut 2 were sent:"
                        + "\n  1. [QUERY Writer] " + WRITERS + "\n  2. [RELATIONSHIP_LOAD Writer.books] " + books());
        assertThat(capture.describe()).isEqualTo("1. [QUERY Writer] " + WRITERS
                + "\n2. [RELATIONSHIP_LOAD Writer.books] " + books());
    }

    @Test
    void statementsOfConcurrentWorkOutsideTheCaptureAreNotCounted() {
        StatementCapture capture = StatementCapture.of(mapper);

        List<Long> counts = Flux.merge(
                capture.record(mapper.withSessionMono(s -> s.select(Writer.class).count())),
                mapper.withSessionMono(s -> s.select(Novel.class).count().then(s.select(Writer.class).count())))
                .collectList().block(TIMEOUT);

        assertThat(counts).containsExactlyInAnyOrder(3L, 3L);
        capture.assertCount(1).assertSql("SELECT COUNT(*) FROM authors");
    }

    @Test
    void anErrorOfTheWorkIsThrownWithTheStatementsSentBeforeIt() {
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> assertStatements(mapper, 1, s -> s.select(Writer.class).count()
                .then(Mono.<Long>error(boom))))
                .isSameAs(boom)
                .satisfies(e -> assertThat(e.getSuppressed()).filteredOn(AssertionError.class::isInstance)
                        .extracting(Throwable::getMessage)
                        .containsExactly("Statements sent before the error:\n  1. [COUNT Writer] SELECT COUNT(*) FROM authors"));
    }

    @Test
    void aWrongCountOfNoStatementsSaysSo() {
        assertThatThrownBy(() -> assertStatements(mapper, 1, s -> Mono.just(s.dialect().name())))
                .isExactlyInstanceOf(AssertionError.class)
                .hasMessage("Expected 1 statement but 0 were sent");
    }
}
