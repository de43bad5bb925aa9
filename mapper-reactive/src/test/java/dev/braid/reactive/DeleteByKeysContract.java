package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.keydelete.Article;
import dev.braid.reactive.keydelete.Article_;
import dev.braid.reactive.keydelete.Author;
import dev.braid.reactive.keydelete.Author_;
import dev.braid.reactive.keydelete.Book;
import dev.braid.reactive.keydelete.Book_;
import dev.braid.reactive.keydelete.Chapter;
import dev.braid.reactive.keydelete.KeyDeleteModel;
import dev.braid.reactive.keydelete.Ledger;
import dev.braid.reactive.keydelete.Reader;
import dev.braid.reactive.keydelete.Reader_;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code session.deleteByKeys(type, ids)} (cascades by key, nothing read), {@code deleteAll} and
 * {@code flushWithCounts()}: results, database contents and the exact statements sent.
 */
abstract class DeleteByKeysContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return KeyDeleteModel.registry();
    }

    /** Three authors, each with two books of two chapters, one article and two fans; returns the author ids. */
    private List<Long> seed() {
        List<Author> authors = new ArrayList<>();
        Reader ann = new Reader("Ann");
        Reader bob = new Reader("Bob");
        for (String name : List.of("Austen", "Tolstoy", "Woolf")) {
            Author a = new Author(name);
            for (int b = 1; b <= 2; b++) {
                Book book = new Book(name + " book " + b, a);
                new Chapter(name + " " + b + ".1", book);
                new Chapter(name + " " + b + ".2", book);
            }
            new Article(name + " essay", a);
            a.fans.add(ann);
            a.fans.add(bob);
            authors.add(a);
        }
        mapper.inTransaction(s -> s.addAll(authors)).blockLast(TIMEOUT);
        recorder().clear();
        return authors.stream().map(a -> a.id).toList();
    }

    /**
     * The key match of a chunk of {@code n} keys: one array on PostgreSQL; on H2 markers up to 500, else an array;
     * markers on MariaDB (no arrays).
     */
    private String in(int n) {
        if (postgres() || h2() && n > 500) return " = ANY($1)";
        StringBuilder out = new StringBuilder(n == 1 ? " IN ($1" : " IN ($1");
        for (int i = 2; i <= n; i++) out.append(", $").append(i);
        return out.append(')').toString();
    }

    /** The same key match with its markers after {@code before} other parameters. */
    private String inAfter(int before, int n) {
        if (postgres() || h2() && n > 500) return " = ANY($" + (before + 1) + ")";
        StringBuilder out = new StringBuilder(" IN (");
        for (int i = 1; i <= n; i++) out.append(i > 1 ? ", $" : "$").append(before + i);
        return out.append(')').toString();
    }

    /** The five statements of one chunk of {@code n} keys, for a session holding no objects. */
    private List<String> chunk(int n) {
        return List.of(
                "DELETE FROM chapters WHERE chapters.book_id IN (SELECT books.id FROM books WHERE books.author_id" + in(n) + ")",
                "DELETE FROM books WHERE books.author_id" + in(n),
                "UPDATE articles SET author_id = $1 WHERE articles.author_id" + inAfter(1, n),
                "DELETE FROM author_fans WHERE author_fans.author_id" + in(n),
                "DELETE FROM authors WHERE authors.id" + in(n));
    }

    private String returning(String statement, boolean delete) {
        if (postgres() || mariadb() && delete) return statement + " RETURNING id";
        return "SELECT id FROM " + (delete ? "OLD" : "FINAL") + " TABLE (" + statement + ")";
    }

    private static void assertCode(Throwable e, ErrorCode code, String... fragments) {
        assertThat(e).isInstanceOf(MapperException.class);
        assertThat(((MapperException) e).code()).isEqualTo(code);
        for (String fragment : fragments) assertThat(e.getMessage()).contains(fragment);
    }

    @Test
    void deletesThreeLevelsLinkRowsAndDetachesWithoutReadingAnything() {
        List<Long> ids = seed();
        StepVerifier.create(mapper.inTransactionMono(s -> s.deleteByKeys(Author.class, ids.subList(0, 2))))
                .expectNext(2L)
                .verifyComplete();
        assertThat(recorder().statements()).containsExactlyElementsOf(chunk(2));
        assertThat(rows("SELECT name FROM authors")).containsExactly(List.of("Woolf"));
        assertThat(rows("SELECT title FROM books ORDER BY id")).containsExactly(List.of("Woolf book 1"), List.of("Woolf book 2"));
        assertThat(count("chapters")).isEqualTo(4);
        assertThat(rows("SELECT title, author_id FROM articles ORDER BY title")).containsExactly(
                java.util.Arrays.asList("Austen essay", null), java.util.Arrays.asList("Tolstoy essay", null),
                List.of("Woolf essay", ids.get(2)));
        assertThat(rows("SELECT author_id FROM author_fans")).containsOnly(List.of(ids.get(2)));
        assertThat(count("readers")).isEqualTo(2);
    }

    @Test
    void idsWithoutRowsAreSkippedAndAnEmptyListSendsOnlyTheAutoflush() {
        List<Long> ids = seed();
        StepVerifier.create(mapper.inTransactionMono(s -> s.deleteByKeys(Author.class, List.of(ids.get(0), 999_999L))))
                .expectNext(1L)
                .verifyComplete();
        recorder().clear();
        StepVerifier.create(mapper.inTransactionMono(s -> s.deleteByKeys(Author.class, List.of())))
                .expectNext(0L)
                .verifyComplete();
        assertThat(recorder().statements()).isEmpty();
        assertThat(count("authors")).isEqualTo(2);
    }

    @Test
    void heldObjectsLeaveTheSessionDetachedChildrenLoseTheirKeyAndCollectionsFollow() {
        List<Long> ids = seed();
        record Seen(boolean author, boolean book, boolean chapter, boolean article, Long articleAuthorId,
                    List<String> favorites, boolean otherAuthorsBooksLoaded, int flushed) {}
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Author.class).where(Author_.id.eq(ids.get(0)))
                        .options(Loads.selectin(Author_.books, Book_.chapters)).one()
                        .zipWhen(x -> s.select(Reader.class).where(Reader_.name.eq("Ann")).options(Loads.selectin(Reader_.favorites)).one())
                        .zipWhen(x -> s.select(Article.class).where(Article_.authorId.eq(ids.get(0))).options(Loads.selectin(Article_.author)).one())
                        .flatMap(t -> {
                            Author austen = t.getT1().getT1();
                            Reader ann = t.getT1().getT2();
                            Article essay = t.getT2();
                            Book book = austen.books.get(0);
                            Chapter chapter = book.chapters.get(0);
                            recorder().clear();
                            return s.deleteByKeys(Author.class, List.of(ids.get(0)))
                                    .flatMap(n -> s.flushWithCounts().map(flushed -> new Seen(s.contains(austen), s.contains(book),
                                            s.contains(chapter), s.contains(essay), essay.authorId,
                                            ann.favorites.stream().map(a -> a.name).toList(), essay.author.get() == null,
                                            (int) flushed.totalInserted() + (int) flushed.totalUpdated() + (int) flushed.totalDeleted())));
                        })))
                .assertNext(seen -> {
                    assertThat(seen.author()).isFalse();
                    assertThat(seen.book()).isFalse();
                    assertThat(seen.chapter()).isFalse();
                    assertThat(seen.article()).isTrue();
                    assertThat(seen.articleAuthorId()).isNull();
                    assertThat(seen.favorites()).containsExactly("Tolstoy", "Woolf");
                    assertThat(seen.otherAuthorsBooksLoaded()).isTrue(); // the article's loaded author is now null
                    assertThat(seen.flushed()).isZero();
                })
                .verifyComplete();
        // Statements about tables whose objects the session holds read back the written rows' ids.
        List<String> plain = chunk(1);
        // MariaDB's UPDATE returns nothing: the articles it detaches are locked and read first, then updated.
        List<String> detach = mariadb()
                ? List.of("SELECT articles.id FROM articles WHERE articles.author_id IN ($1) FOR UPDATE", plain.get(2))
                : List.of(returning(plain.get(2), false));
        List<String> expected = new ArrayList<>(List.of(returning(plain.get(0), true), returning(plain.get(1), true)));
        expected.addAll(detach);
        expected.addAll(List.of(plain.get(3), returning(plain.get(4), true)));
        assertThat(recorder().statements()).containsExactlyElementsOf(expected);
        assertThat(rows("SELECT title, author_id FROM articles ORDER BY title").get(0))
                .isEqualTo(java.util.Arrays.asList("Austen essay", null));
        assertThat(count("authors")).isEqualTo(2);
        assertThat(count("chapters")).isEqualTo(8);
    }

    @Test
    void aRollbackRestoresTheHeldObjects() {
        List<Long> ids = seed();
        List<Object> seen = new ArrayList<>();
        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Author.class, ids.get(0))
                        .flatMap(austen -> s.deleteByKeys(Author.class, List.of(ids.get(0)))
                                .doOnNext(n -> seen.add(s.contains(austen)))
                                .then(s.rollback())
                                .then(Mono.fromCallable(() -> s.contains(austen))))))
                .expectNext(true)
                .verifyComplete();
        assertThat(seen).containsExactly(false);
        assertThat(count("authors")).isEqualTo(3);
        assertThat(count("chapters")).isEqualTo(12);
    }

    @Test
    void keysBeyondAChunkGoInSeveralSelfContainedChunks() {
        int chunk = postgres() ? 10_000 : 1_000;
        execute(mariadb() ? "INSERT INTO authors (name) SELECT CONCAT('author ', seq) FROM seq_1_to_" + (chunk + 1)
                : "INSERT INTO authors (name) SELECT 'author ' || x FROM "
                + (postgres() ? "generate_series(1, " + (chunk + 1) + ") AS g(x)" : "SYSTEM_RANGE(1, " + (chunk + 1) + ")"));
        List<Long> ids = rows("SELECT id FROM authors ORDER BY id").stream().map(r -> ((Number) r.get(0)).longValue()).toList();
        execute("INSERT INTO books (title, author_id) VALUES ('last', " + ids.get(chunk) + ")");
        recorder().clear();
        StepVerifier.create(mapper.inTransactionMono(s -> s.deleteByKeys(Author.class, ids)))
                .expectNext((long) chunk + 1)
                .verifyComplete();
        List<String> expected = new ArrayList<>(chunk(chunk));
        expected.addAll(chunk(1));
        assertThat(recorder().statements()).containsExactlyElementsOf(expected);
        assertThat(count("authors")).isZero();
        assertThat(count("books")).isZero();
    }

    @Test
    void withoutATransactionItRunsInOneOfItsOwn() {
        List<Long> ids = seed();
        StepVerifier.create(mapper.withSessionMono(s -> s.deleteByKeys(Author.class, List.of(ids.get(1)))))
                .expectNext(1L)
                .verifyComplete();
        assertThat(recorder().transactionEvents()).containsExactly("begin", "commit");
        assertThat(count("books")).isEqualTo(4);
    }

    @Test
    void pendingChangesAreFlushedFirst() {
        List<Long> ids = seed();
        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Author.class, ids.get(0))
                        .flatMap(austen -> s.add(new Book("late", austen)))
                        .then(s.deleteByKeys(Author.class, List.of(ids.get(0))))))
                .expectNext(1L)
                .verifyComplete();
        List<String> statements = recorder().statements();
        assertThat(statements).hasSize(7);
        assertThat(statements.get(0)).startsWith("SELECT");
        assertThat(statements.get(1)).contains("INSERT INTO books");
        // The session now holds a book and the author: their statements read back the deleted ids.
        assertThat(statements.get(3)).isEqualTo(returning(chunk(1).get(1), true));
        assertThat(rows("SELECT title FROM books WHERE title = 'late'")).isEmpty();
    }

    @Test
    void badInputFailsBeforeAnythingIsSent() {
        List<Long> ids = seed();
        Function<Function<Session, Mono<Long>>, Throwable> failure = work -> {
            List<Throwable> errors = new ArrayList<>();
            StepVerifier.create(mapper.inTransactionMono(s -> s.add(new Reader("pending")).then(work.apply(s))))
                    .expectErrorSatisfies(errors::add)
                    .verify(TIMEOUT);
            return errors.get(0);
        };
        assertCode(failure.apply(s -> s.deleteByKeys(Author.class, java.util.Arrays.asList(ids.get(0), null))),
                ErrorCode.BRAID_ARGUMENT, "deleteByKeys(Author.class, ids)", "ids[1] is null");
        assertCode(failure.apply(s -> s.deleteByKeys(Author.class, List.of(1))), ErrorCode.BRAID_ARGUMENT,
                "Author.id is Long but ids[0] is Integer 1", "Fix: pass Long ids (e.g. 1L)");
        assertCode(failure.apply(s -> s.deleteByKeys(String.class, List.of(1L))), ErrorCode.BRAID_UNMAPPED,
                "java.lang.String is not a mapped entity");
        assertCode(failure.apply(s -> s.deleteByKeys(Ledger.class, List.of(1L))), ErrorCode.BRAID_QUERY,
                "Ledger has a version column", "Fix: load the objects and delete() them");
        assertCode(failure.apply(s -> s.deleteByKeys(Author.class, null)), ErrorCode.BRAID_ARGUMENT, "ids is null");
        assertThat(recorder().statements()).isEmpty(); // not even the pending reader's INSERT
        assertThat(count("authors")).isEqualTo(3);
    }

    @Test
    void deleteAllMarksEveryObjectAndTheFlushReportsTheCascade() {
        List<Long> ids = seed();
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Book.class).where(Book_.authorId.eq(ids.get(0))).all()
                        .collectList()
                        .flatMap(books -> s.deleteAll(books).then(s.flushWithCounts()))))
                .assertNext(result -> {
                    assertThat(result.deleted("books")).isEqualTo(2);
                    assertThat(result.deleted("chapters")).isEqualTo(4); // unloaded: by the books' keys
                    assertThat(result.totalDeleted()).isEqualTo(6);
                    assertThat(result.totalInserted()).isZero();
                    assertThat(result.tables()).containsExactly("chapters", "books");
                    assertThat(result).hasToString("FlushResult[chapters: 4 deleted, books: 2 deleted]");
                })
                .verifyComplete();
        assertThat(count("books")).isEqualTo(4);
    }

    @Test
    void deleteAllChecksEveryObjectBeforeMarkingAny() {
        List<Long> ids = seed();
        Book stranger = new Book("not in the session", null);
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Book.class).where(Book_.authorId.eq(ids.get(0))).all()
                        .collectList()
                        .flatMap(books -> s.deleteAll(List.of(books.get(0), stranger))
                                .onErrorResume(e -> Mono.fromRunnable(() -> assertCode(e, ErrorCode.BRAID_ENTITY_STATE,
                                        "entities[1]", "none was deleted")))
                                .then(s.flushWithCounts()))))
                .assertNext(result -> assertThat(result.isEmpty()).isTrue())
                .verifyComplete();
        assertThat(count("books")).isEqualTo(6);
    }

    @Test
    void flushWithCountsCountsInsertsUpdatesDeletesAndLinkRows() {
        List<Long> ids = seed();
        StepVerifier.create(mapper.inTransactionMono(s -> {
                    Author a = new Author("Eliot");
                    new Book("Middlemarch", a);
                    new Book("Silas Marner", a);
                    Reader cy = new Reader("Cy");
                    a.fans.add(cy);
                    return s.add(a).then(s.flushWithCounts()).flatMap(first -> s.select(Article.class)
                            .where(Article_.authorId.eq(ids.get(0))).one()
                            .zipWhen(x -> s.select(Article.class).where(Article_.authorId.eq(ids.get(1))).one())
                            .flatMap(essays -> {
                                essays.getT1().title = "Austen essay, revised";
                                return s.delete(essays.getT2());
                            })
                            .then(s.flushWithCounts())
                            .flatMap(second -> s.flushWithCounts().map(third -> List.of(first, second, third))));
                }))
                .assertNext(results -> {
                    FlushResult first = results.get(0);
                    assertThat(first.inserted("authors")).isEqualTo(1);
                    assertThat(first.inserted("books")).isEqualTo(2);
                    assertThat(first.inserted("readers")).isEqualTo(1);
                    assertThat(first.inserted("author_fans")).isEqualTo(1);
                    assertThat(first.totalInserted()).isEqualTo(5);
                    assertThat(first.totalUpdated() + first.totalDeleted()).isZero();
                    assertThat(first.inserted("chapters")).isZero();
                    FlushResult second = results.get(1);
                    assertThat(second.updated("articles")).isEqualTo(1);
                    assertThat(second.deleted("articles")).isEqualTo(1);
                    assertThat(second.tables()).containsExactly("articles");
                    assertThat(results.get(2)).isEqualTo(FlushResult.empty());
                    assertThat(results.get(2).toString()).isEqualTo("FlushResult[]");
                })
                .verifyComplete();
        assertThat(count("author_fans")).isEqualTo(7);
    }
}
