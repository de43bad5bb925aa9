package dev.braid.reactive;

import dev.braid.error.ConstraintViolationException;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Novel;
import dev.braid.reactive.graph.Novel_;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code select(...).where(...).delete()}: one DELETE, no loading, held objects detached. */
abstract class BulkDeleteContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return GraphModel.registry();
    }

    private List<Long> seedTwoWritersWithBooks() {
        Writer austen = new Writer("Jane Austen");
        Writer tolstoy = new Writer("Leo Tolstoy");
        new Novel("Pride and Prejudice", austen);
        new Novel("Emma", austen);
        new Novel("War and Peace", tolstoy);
        mapper.inTransaction(s -> s.addAll(List.of(austen, tolstoy))).blockLast(TIMEOUT);
        recorder().clear();
        return List.of(austen.id, tolstoy.id);
    }

    /** The DELETE a session that holds no objects sends: no keys read back. */
    private static String deleteSql(String table, String where) {
        return "DELETE FROM " + table + " WHERE " + where;
    }

    /** The DELETE a session holding objects sends: it reads back the deleted keys to detach their objects. */
    private String deleteReturningSql(String table, String where) {
        return postgres() || mariadb()
                ? "DELETE FROM " + table + " WHERE " + where + " RETURNING id"
                : "SELECT id FROM OLD TABLE (DELETE FROM " + table + " WHERE " + where + ")";
    }

    @Test
    void deletesTheMatchingRowsWithOneStatementWithoutLoadingThem() {
        List<Long> writers = seedTwoWritersWithBooks();
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Novel.class)
                        .where(Novel_.authorId.eq(writers.get(0))).delete()))
                .expectNext(2L)
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(deleteSql("books", "books.author_id = $1"));
        assertThat(rows("SELECT title FROM books")).containsExactly(List.of("War and Peace"));
        assertThat(count("authors")).isEqualTo(2);
    }

    @Test
    void booksThenTheirWritersAsTwoStatementsInOneTransaction() {
        List<Long> writers = seedTwoWritersWithBooks();
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Novel.class).where(Novel_.authorId.in(writers)).delete()
                        .flatMap(books -> s.select(Writer.class).where(Writer_.id.in(writers)).delete()
                                .map(authors -> List.of(books, authors)))))
                .expectNext(List.of(3L, 2L))
                .verifyComplete();
        String in = postgres() ? " = ANY($1)" : " IN ($1, $2)";
        assertThat(recorder().statements()).containsExactly(
                deleteSql("books", "books.author_id" + in), deleteSql("authors", "authors.id" + in));
        assertThat(count("books")).isZero();
        assertThat(count("authors")).isZero();
    }

    @Test
    void heldObjectsOfDeletedRowsAreDetachedAndPendingChangesAreFlushedFirst() {
        seedTwoWritersWithBooks();
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Novel.class).orderBy(Novel_.id.asc()).all().collectList()
                        .flatMap(novels -> {
                            novels.get(2).title = "War and Peace (abridged)"; // pending, flushed before the DELETE
                            return s.select(Novel.class).where(Novel_.title.startsWith("War")).delete()
                                    .map(deleted -> List.of(deleted, s.contains(novels.get(0)), s.contains(novels.get(2))));
                        })))
                .expectNext(List.of(1L, true, false))
                .verifyComplete();
        List<String> statements = recorder().statements();
        assertThat(statements.get(statements.size() - 2)).startsWith("UPDATE books SET title = ");
        assertThat(statements.get(statements.size() - 1)).isEqualTo(escaped(deleteReturningSql("books", "books.title LIKE $1 ESCAPE '\\'")));
        assertThat(rows("SELECT title FROM books ORDER BY id")).containsExactly(List.of("Pride and Prejudice"), List.of("Emma"));
    }

    @Test
    void rowsStillReferencedFailWithAConstraintViolationAndNothingIsDeleted() {
        List<Long> writers = seedTwoWritersWithBooks();
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Writer.class).where(Writer_.id.eq(writers.get(0))).delete()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConstraintViolationException.class)
                        .hasMessageContaining(sql("DELETE FROM authors WHERE authors.id = $1")))
                .verify(TIMEOUT);
        assertThat(count("authors")).isEqualTo(2);
        assertThat(count("books")).isEqualTo(3);
    }

    @Test
    void onlyAFilterIsAcceptedAndNothingIsSentOtherwise() {
        seedTwoWritersWithBooks();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Novel.class).delete()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MapperException.class)
                        .hasMessageContaining("without where(...) would delete every row of books")
                        .satisfies(x -> assertThat(((MapperException) x).code()).isEqualTo(ErrorCode.BRAID_QUERY)))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Novel.class).where(Novel_.title.eq("Emma")).limit(1).delete()))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("takes a filter only"))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Writer.class).where(Writer_.name.eq("Jane Austen"))
                        .options(Loads.selectin(Writer_.books)).delete()))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("takes a filter only"))
                .verify(TIMEOUT);
        assertThat(recorder().statements()).isEmpty();
        assertThat(count("books")).isEqualTo(3);
    }

    @Test
    void valuesAreBoundNeverSpliced() {
        seedTwoWritersWithBooks();
        String hostile = "x'; DROP TABLE books; --";
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Novel.class).where(Novel_.title.eq(hostile)).delete()))
                .expectNext(0L)
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(deleteSql("books", "books.title = $1"));
        assertThat(count("books")).isEqualTo(3);
    }
}
