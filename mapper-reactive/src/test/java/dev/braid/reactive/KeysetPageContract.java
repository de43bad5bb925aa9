package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.reactive.model.Author;
import dev.braid.reactive.model.Author_;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset pages ({@code seekAfter}) over multi-column orders with mixed directions, reading every row
 * exactly once; orders that would skip rows refused before anything is sent; pages with a total count.
 */
abstract class KeysetPageContract extends MapperTestBase {
    private static final String COLUMNS = "SELECT authors.id, authors.name, authors.born FROM authors";

    @BeforeEach
    void seed() {
        // Names repeat, so only the id makes the order total.
        List<Author> authors = new ArrayList<>();
        for (String name : List.of("Chekhov", "Austen", "Brontë", "Austen", "Chekhov", "Austen", "Dickens", "Brontë")) {
            authors.add(new Author(name, name.equals("Dickens") ? null : 1800 + authors.size()));
        }
        mapper.inTransaction(s -> s.addAll(authors)).blockLast(TIMEOUT);
        recorder().clear();
    }

    private static Consumer<Throwable> query(String... parts) {
        return e -> {
            assertThat(e).isInstanceOf(MapperException.class);
            assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_QUERY);
            for (String part : parts) assertThat(e).hasMessageContaining(part);
        };
    }

    /** Every page of {@code size} in name-ascending, id-descending order, following each page's last row. */
    private List<List<Long>> pagesByNameThenIdDescending(int size) {
        return mapper.withSessionMono(s -> {
            Select<Author> ordered = s.select(Author.class).orderBy(Author_.name.asc(), Author_.id.desc());
            List<List<Long>> pages = new ArrayList<>();
            return ordered.limit(size).all().collectList().expand(page -> {
                        pages.add(page.stream().map(Author::getId).toList());
                        return page.size() < size ? Mono.empty()
                                : ordered.seekAfter(page.get(page.size() - 1)).limit(size).all().collectList();
                    }).then(Mono.just(pages));
        }).block(TIMEOUT);
    }

    @Test
    void pagesFollowEachOtherOverAMixedDirectionOrderReadingEveryRowOnce() {
        List<Long> expected = mapper.withSession(s -> s.select(Author.class).orderBy(Author_.name.asc(), Author_.id.desc()).all())
                .map(Author::getId).collectList().block(TIMEOUT);
        recorder().clear();

        List<List<Long>> pages = pagesByNameThenIdDescending(3);

        assertThat(pages).hasSize(3);
        assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(expected);
        List<String> statements = recorder().statements();
        assertThat(statements).hasSize(3);
        assertThat(statements.get(0)).isEqualTo(COLUMNS + " ORDER BY authors.name, authors.id DESC LIMIT $1");
        assertThat(statements.get(1)).isEqualTo(COLUMNS + " WHERE authors.name >= $1 AND (authors.name > $2"
                + " OR (authors.name = $3 AND authors.id < $4)) ORDER BY authors.name, authors.id DESC LIMIT $5");
        assertThat(statements.get(2)).isEqualTo(statements.get(1));
    }

    @Test
    void aStreamOverTheSameOrderReadsKeysetWindowsWhereThereAreNoCursors() {
        List<Long> expected = mapper.withSession(s -> s.select(Author.class).orderBy(Author_.name.asc(), Author_.id.desc()).all())
                .map(Author::getId).collectList().block(TIMEOUT);
        recorder().clear();
        List<Long> streamed = mapper.withSession(s -> s.select(Author.class).orderBy(Author_.name.asc(), Author_.id.desc())
                .stream(3)).map(Author::getId).collectList().block(TIMEOUT);
        assertThat(streamed).isEqualTo(expected);
        List<String> statements = recorder().statements();
        if (postgres()) {
            assertThat(statements.get(0)).startsWith("DECLARE"); // a server-side cursor
        } else {
            assertThat(statements).containsExactly(
                    COLUMNS + " ORDER BY authors.name, authors.id DESC LIMIT $1",
                    COLUMNS + " WHERE authors.name >= $1 AND (authors.name > $2 OR (authors.name = $3 AND authors.id < $4))"
                            + " ORDER BY authors.name, authors.id DESC LIMIT $5",
                    COLUMNS + " WHERE authors.name >= $1 AND (authors.name > $2 OR (authors.name = $3 AND authors.id < $4))"
                            + " ORDER BY authors.name, authors.id DESC LIMIT $5");
        }
    }

    @Test
    void aCursorOfOrderValuesStartsThePageToo() {
        List<Author> firstPage = mapper.withSession(s -> s.select(Author.class).orderBy(Author_.name.desc(), Author_.id.asc())
                .limit(4).all()).collectList().block(TIMEOUT);
        Author last = firstPage.get(3);
        List<String> next = mapper.withSession(s -> s.select(Author.class).orderBy(Author_.name.desc(), Author_.id.asc())
                .seekAfterValues(last.getName(), last.getId()).readOnly().all()).map(Author::getName).collectList().block(TIMEOUT);
        assertThat(firstPage).extracting(Author::getName).containsExactly("Dickens", "Chekhov", "Chekhov", "Brontë");
        assertThat(next).containsExactly("Brontë", "Austen", "Austen", "Austen");
    }

    @Test
    void nullableOrdersAreRefusedUnlessTheFilterExcludesNulls() {
        StepVerifier.create(mapper.withSession(s -> s.select(Author.class).orderBy(Author_.born.asc(), Author_.id.asc())
                        .seekAfterValues(1801, 2L).all()))
                .expectErrorSatisfies(query("orders by Author.born, which is nullable", "where(Author.born.isNotNull())"))
                .verify(TIMEOUT);
        assertThat(recorder().statements()).isEmpty();
        StepVerifier.create(mapper.withSession(s -> s.select(Author.class).where(Author_.born.isNotNull())
                        .orderBy(Author_.born.desc(), Author_.id.asc()).seekAfterValues(1805, 0L).all()).map(Author::getBorn))
                .expectNext(1805, 1804, 1803, 1802, 1801, 1800)
                .verifyComplete();
    }

    @Test
    void anOrderThatDoesNotMakeRowsUniqueIsRefusedBeforeAnythingIsSent() {
        StepVerifier.create(mapper.withSession(s -> s.select(Author.class).orderBy(Author_.name.asc())
                        .limit(2).all().last().flatMapMany(last -> s.select(Author.class).orderBy(Author_.name.asc())
                                .seekAfter(last).limit(2).all())))
                .expectErrorSatisfies(query("orders by [Author.name], which does not make rows unique",
                        "add Author's id as the last order term"))
                .verify(TIMEOUT);
        assertThat(recorder().statements()).hasSize(1); // only the first page, which needs no seek
    }

    @Test
    void pageByNumberIsTheRowsThenTheTotal() {
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).where(Author_.name.ne("Dickens"))
                        .orderBy(Author_.name.asc(), Author_.id.asc()).page(1, 3)))
                .assertNext(page -> {
                    assertThat(page.items()).extracting(Author::getName).containsExactly("Brontë", "Brontë", "Chekhov");
                    assertThat(page.total()).isEqualTo(7);
                    assertThat(page.size()).isEqualTo(3);
                    assertThat(page.totalPages()).isEqualTo(3);
                    assertThat(page.last()).isSameAs(page.items().get(2));
                })
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                COLUMNS + " WHERE authors.name <> $1 ORDER BY authors.name, authors.id LIMIT $2 OFFSET $3",
                "SELECT COUNT(*) FROM authors WHERE authors.name <> $1");
    }

    @Test
    void pageWithTotalAfterASeekCountsTheWholeFilter() {
        StepVerifier.create(mapper.withSessionMono(s -> {
                    Select<Author> ordered = s.select(Author.class).orderBy(Author_.id.asc());
                    return ordered.pageWithTotal(5).flatMap(first -> ordered.seekAfter(first.last()).pageWithTotal(5)
                            .map(second -> List.of(first.items().size(), second.items().size(), (int) second.total())));
                }))
                .expectNext(List.of(5, 3, 8))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                COLUMNS + " ORDER BY authors.id LIMIT $1", "SELECT COUNT(*) FROM authors",
                COLUMNS + " WHERE authors.id > $1 ORDER BY authors.id LIMIT $2", "SELECT COUNT(*) FROM authors");
    }

    @Test
    void pagesRefuseTheirOwnPagingBeforeAnythingIsSent() {
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).limit(3).page(0, 3)))
                .expectErrorSatisfies(query("page(number, size) on Author sets the page's limit and offset itself"))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).orderBy(Author_.id.asc())
                        .seekAfterValues(3L).page(0, 3)))
                .expectErrorSatisfies(query("seekAfter(last).pageWithTotal(size)"))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).page(-1, 3)))
                .expectErrorSatisfies(e -> assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_ARGUMENT))
                .verify(TIMEOUT);
        assertThat(recorder().statements()).isEmpty();
    }

    @Test
    void sqlShowsTheKeysetStatementWithoutAConnection() {
        mapper.withSession(s -> {
            assertThat(s.select(Author.class).orderBy(Author_.id.desc()).seekAfterValues(5L).limit(10).sql().sql())
                    .isEqualTo(sql(COLUMNS + " WHERE authors.id < $1 ORDER BY authors.id DESC LIMIT $2"));
            return Mono.empty();
        }).blockLast(TIMEOUT);
        assertThat(recorder().statements()).isEmpty();
    }
}
