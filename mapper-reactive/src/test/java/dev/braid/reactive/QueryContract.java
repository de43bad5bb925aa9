package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.query.Predicate;
import dev.braid.reactive.model.Author;
import dev.braid.reactive.model.Author_;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Every query operator, ordering, paging, the single-result methods, autoflush and one-operation-at-a-time. */
abstract class QueryContract extends MapperTestBase {

    @BeforeEach
    void seed() {
        mapper.inTransaction(s -> s.addAll(List.of(
                new Author("Jane Austen", 1775),
                new Author("Leo Tolstoy", 1828),
                new Author("Fyodor Dostoevsky", 1821),
                new Author("Anonymous", null),
                new Author("100% Real_Name", 1900)))).blockLast(TIMEOUT);
        recorder().clear();
    }

    private List<String> names(Function<Select<Author>, Select<Author>> refine) {
        return mapper.withSession(s -> refine.apply(s.select(Author.class).orderBy(Author_.name.asc())).all())
                .map(Author::getName).collectList().block(TIMEOUT);
    }

    @Test
    void everyOperatorFiltersInTheDatabase() {
        assertThat(names(q -> q.where(Author_.name.eq("Leo Tolstoy")))).containsExactly("Leo Tolstoy");
        assertThat(names(q -> q.where(Author_.born.ne(1828)))).containsExactly("100% Real_Name", "Fyodor Dostoevsky", "Jane Austen");
        assertThat(names(q -> q.where(Author_.born.lt(1821)))).containsExactly("Jane Austen");
        assertThat(names(q -> q.where(Author_.born.le(1821)))).containsExactly("Fyodor Dostoevsky", "Jane Austen");
        assertThat(names(q -> q.where(Author_.born.gt(1828)))).containsExactly("100% Real_Name");
        assertThat(names(q -> q.where(Author_.born.ge(1828)))).containsExactly("100% Real_Name", "Leo Tolstoy");
        assertThat(names(q -> q.where(Author_.born.between(1800, 1850)))).containsExactly("Fyodor Dostoevsky", "Leo Tolstoy");
        assertThat(names(q -> q.where(Author_.born.in(1775, 1900, 1)))).containsExactly("100% Real_Name", "Jane Austen");
        assertThat(names(q -> q.where(Author_.born.in(List.of())))).isEmpty();
        assertThat(names(q -> q.where(Author_.born.isNull()))).containsExactly("Anonymous");
        assertThat(names(q -> q.where(Author_.born.isNotNull()))).hasSize(4);
        assertThat(names(q -> q.where(Author_.name.like("%o%y")))).containsExactly("Fyodor Dostoevsky", "Leo Tolstoy");
        assertThat(names(q -> q.where(Author_.name.contains("Tol")))).containsExactly("Leo Tolstoy");
        assertThat(names(q -> q.where(Author_.name.startsWith("J")))).containsExactly("Jane Austen");
        assertThat(names(q -> q.where(Author_.name.endsWith("sky")))).containsExactly("Fyodor Dostoevsky");
        assertThat(names(q -> q.where(Author_.born.gt(1800).and(Author_.name.startsWith("L")))))
                .containsExactly("Leo Tolstoy");
        assertThat(names(q -> q.where(Author_.born.lt(1800).or(Author_.born.isNull()))))
                .containsExactly("Anonymous", "Jane Austen");
        assertThat(names(q -> q.where(Predicate.not(Author_.name.contains("o")))))
                .containsExactly("100% Real_Name", "Jane Austen");
    }

    @Test
    void wildcardsInContainsMatchOnlyThemselves() {
        assertThat(names(q -> q.where(Author_.name.contains("%")))).containsExactly("100% Real_Name");
        assertThat(names(q -> q.where(Author_.name.contains("_")))).containsExactly("100% Real_Name");
        assertThat(names(q -> q.where(Author_.name.startsWith("100%")))).containsExactly("100% Real_Name");
        assertThat(names(q -> q.where(Author_.name.contains("e_N")))).isEmpty();
        assertThat(names(q -> q.where(Author_.name.contains("l_N")))).containsExactly("100% Real_Name");
    }

    @Test
    void orderingAndPaging() {
        assertThat(mapper.withSession(s -> s.select(Author.class).where(Author_.born.isNotNull())
                        .orderBy(Author_.born.desc()).limit(2).offset(1).all())
                .map(Author::getName).collectList().block(TIMEOUT))
                .containsExactly("Leo Tolstoy", "Fyodor Dostoevsky");
        assertThat(recorder().statements()).containsExactly("SELECT authors.id, authors.name, authors.born FROM authors"
                + " WHERE authors.born IS NOT NULL ORDER BY authors.born DESC LIMIT $1 OFFSET $2");
    }

    @Test
    void oneFirstCountExists() {
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).where(Author_.born.eq(1828)).one()))
                .assertNext(a -> assertThat(a.getName()).isEqualTo("Leo Tolstoy")).verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).where(Author_.born.eq(1)).one()))
                .expectErrorSatisfies(e -> assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_NO_RESULT))
                .verify();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).one()))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("one() found more than one Author"))
                .verify();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).where(Author_.born.isNotNull())
                        .orderBy(Author_.born.asc()).first()))
                .assertNext(a -> assertThat(a.getName()).isEqualTo("Jane Austen")).verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).where(Author_.born.eq(1)).first()))
                .verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).where(Author_.born.gt(1800)).count()))
                .expectNext(3L).verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).where(Author_.born.gt(1800)).exists()))
                .expectNext(true).verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).where(Author_.born.gt(2000)).exists()))
                .expectNext(false).verifyComplete();
        assertThat(recorder().statements()).contains(
                "SELECT COUNT(*) FROM authors WHERE authors.born > $1",
                "SELECT 1 FROM authors WHERE authors.born > $1 LIMIT $2");
    }

    @Test
    void sqlIsShownWithoutRunningIt() {
        mapper.withSession(s -> {
            assertThat(s.select(Author.class).where(Author_.name.eq("x")).limit(5).sql().sql())
                    .isEqualTo(sql("SELECT authors.id, authors.name, authors.born FROM authors WHERE authors.name = $1 LIMIT $2"));
            return Mono.empty();
        }).blockLast(TIMEOUT);
        assertThat(recorder().statements()).isEmpty();
    }

    @Test
    void queriesFlushPendingChangesFirst() {
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(new Author("Pending Person", 2000))
                        .then(s.select(Author.class).where(Author_.born.eq(2000)).one())))
                .assertNext(a -> assertThat(a.getId()).isNotNull())
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                insertReturningId("authors", "name, born", "$1, $2"),
                "SELECT authors.id, authors.name, authors.born FROM authors WHERE authors.born = $1 LIMIT $2");
    }

    @Test
    void pendingDeleteIsFlushedBeforeAQuery() {
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Author.class).where(Author_.born.eq(1828)).one()
                        .flatMap(s::delete)
                        .then(s.select(Author.class).count())))
                .expectNext(4L)
                .verifyComplete();
    }

    @Test
    void loadedRowsDoNotOverwriteUnflushedEdits() {
        // A flush is skipped only when nothing changed; here the edit is flushed first by autoflush,
        // and the object the query returns is the very same instance.
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).where(Author_.born.eq(1828)).one()
                        .flatMap(a -> {
                            a.setName("Lev Tolstoy");
                            return s.select(Author.class).where(Author_.born.eq(1828)).one()
                                    .map(again -> List.of(a, again));
                        })))
                .assertNext(pair -> {
                    assertThat(pair.get(1)).isSameAs(pair.get(0));
                    assertThat(pair.get(1).getName()).isEqualTo("Lev Tolstoy");
                })
                .verifyComplete();
        assertThat(value("SELECT name FROM authors WHERE born = 1828")).isEqualTo("Lev Tolstoy");
    }

    @Test
    void anOperationIssuedInsideARunningQueryWaitsForItsStatementInsteadOfHanging() {
        StepVerifier.create(mapper.withSession(s -> s.select(Author.class).all()
                        .concatMap(a -> s.get(Author.class, a.getId()))))
                .expectNextCount(5)
                .verifyComplete();
        assertThat(awaitAllReleased(java.time.Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void collectingFirstThenQueryingAgainWorks() {
        StepVerifier.create(mapper.withSession(s -> s.select(Author.class).all().collectList()
                        .flatMapMany(all -> Flux.fromIterable(all).concatMap(a -> s.get(Author.class, a.getId())))))
                .expectNextCount(5)
                .verifyComplete();
    }

    @Test
    void backpressureOneRowAtATimeOverTenThousandRows() {
        execute(postgres()
                ? "INSERT INTO authors (name, born) SELECT 'bulk ' || g, g FROM generate_series(1, 10000) g"
                : mariadb()
                ? "INSERT INTO authors (name, born) SELECT CONCAT('bulk ', seq), seq FROM seq_1_to_10000"
                : "INSERT INTO authors (name, born) SELECT 'bulk ' || x, x FROM SYSTEM_RANGE(1, 10000)");
        Flux<Author> all = mapper.withSession(s -> s.select(Author.class).where(Author_.name.startsWith("bulk "))
                .orderBy(Author_.born.asc()).all());
        StepVerifier.FirstStep<Author> step = StepVerifier.create(all, 1);
        StepVerifier.Step<Author> verifier = step.assertNext(a -> assertThat(a.getBorn()).isEqualTo(1));
        for (int i = 2; i <= 10_000; i++) {
            int expected = i;
            verifier = verifier.thenRequest(1).assertNext(a -> assertThat(a.getBorn()).isEqualTo(expected));
        }
        verifier.thenRequest(1).verifyComplete();
    }
}
