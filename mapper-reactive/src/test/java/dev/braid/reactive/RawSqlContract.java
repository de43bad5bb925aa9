package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Novel;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import dev.braid.statement.Bind;
import dev.braid.statement.RenderedSql;
import dev.braid.testkit.RecordingListener;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code session.sql(...)}: named and positional parameters in one style on every database, rows as
 * tracked entities (the identity map's objects), records, single values or a function, writes in the
 * session's transaction after an autoflush, and bad input refused before anything is sent.
 */
abstract class RawSqlContract extends MapperTestBase {

    /** A row of the per-writer count, matched to columns by name. */
    record WriterBooks(String name, long books) {}

    @Override
    protected MappingRegistry registry() {
        return GraphModel.registry();
    }

    private List<Long> seed() {
        Writer austen = new Writer("Jane Austen");
        Writer tolstoy = new Writer("Leo Tolstoy");
        Writer anonymous = new Writer("Anonymous");
        new Novel("Pride and Prejudice", austen);
        new Novel("Emma", austen);
        new Novel("War and Peace", tolstoy);
        mapper.inTransaction(s -> s.addAll(List.of(austen, tolstoy, anonymous))).blockLast(TIMEOUT);
        recorder().clear();
        return List.of(austen.id, tolstoy.id, anonymous.id);
    }

    private static Consumer<Throwable> query(String... parts) {
        return e -> {
            assertThat(e).isInstanceOf(MapperException.class);
            assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_QUERY);
            for (String part : parts) assertThat(e).hasMessageContaining(part);
        };
    }

    @Test
    void entityRowsAreTheSessionsObjectsAndNewOnesAreTracked() {
        List<Long> ids = seed();
        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Writer.class, ids.get(0)).flatMap(held -> {
                    held.name = "Jane Austen (changed, not flushed)";
                    return s.sql("SELECT * FROM authors WHERE name LIKE :pattern ORDER BY id").bind("pattern", "%o%")
                            .mapTo(Writer.class).all().collectList()
                            .map(found -> {
                                assertThat(found).extracting(w -> w.name)
                                        .containsExactly("Jane Austen (changed, not flushed)", "Leo Tolstoy", "Anonymous");
                                assertThat(found.get(0)).isSameAs(held); // the held object, its unflushed edit kept
                                assertThat(found).allMatch(s::contains);
                                found.get(1).name = "Lev Tolstoy"; // a tracked object: flushed at the end
                                return found.size();
                            });
                })))
                .expectNext(3)
                .verifyComplete();
        List<String> statements = recorder().statements();
        assertThat(statements.get(0)).startsWith("SELECT authors.id, authors.name FROM authors WHERE authors.id = $1");
        // Autoflush: the pending name change is written before the raw SELECT (which then sees it).
        assertThat(statements.get(1)).isEqualTo("UPDATE authors SET name = $1 WHERE id = $2");
        assertThat(statements.get(2)).isEqualTo("SELECT * FROM authors WHERE name LIKE $1 ORDER BY id");
        assertThat(statements.get(3)).isEqualTo("UPDATE authors SET name = $1 WHERE id = $2");
        assertThat(statements).hasSize(4);
        assertThat(rows("SELECT name FROM authors ORDER BY id")).containsExactly(
                List.of("Jane Austen (changed, not flushed)"), List.of("Lev Tolstoy"), List.of("Anonymous"));
    }

    @Test
    void positionalParametersAndCollectionsExpandToTheDialectsMarkers() {
        List<Long> ids = seed();
        StepVerifier.create(mapper.withSession(s -> s.sql("SELECT id, name FROM authors WHERE id IN (?) AND name <> ? ORDER BY id")
                        .bind(0, List.of(ids.get(0), ids.get(2))).bind(1, "nobody").mapTo(Writer.class).all())
                        .map(w -> w.name))
                .expectNext("Jane Austen", "Anonymous")
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                "SELECT id, name FROM authors WHERE id IN ($1, $2) AND name <> $3 ORDER BY id");
    }

    @Test
    void recordsSingleValuesAndFunctionsTakeColumnsByName() {
        seed();
        String perWriter = "SELECT a.name, count(b.id) AS books FROM authors a LEFT JOIN books b ON b.author_id = a.id"
                + " GROUP BY a.name ORDER BY a.name";
        StepVerifier.create(mapper.withSession(s -> s.sql(perWriter).mapTo(WriterBooks.class).all()))
                .expectNext(new WriterBooks("Anonymous", 0), new WriterBooks("Jane Austen", 2), new WriterBooks("Leo Tolstoy", 1))
                .verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.sql("SELECT count(*) FROM books WHERE title <> :t")
                        .bind("t", "Emma").mapTo(Long.class).one()))
                .expectNext(2L)
                .verifyComplete();
        StepVerifier.create(mapper.withSession(s -> s.sql("SELECT name, id FROM authors WHERE id > ? ORDER BY id").bind(0, 0L)
                        .map(row -> row.get("NAME", String.class) + "#" + row.get(1, Long.class).getClass().getSimpleName()
                                + "#" + row.columns().size()).all()))
                .expectNext("Jane Austen#Long#2", "Leo Tolstoy#Long#2", "Anonymous#Long#2")
                .verifyComplete();
    }

    @Test
    void loadOptionsLoadRelationshipsAfterTheRows() {
        seed();
        StepVerifier.create(mapper.withSession(s -> s.sql("SELECT * FROM authors WHERE name <> :n ORDER BY name DESC")
                        .bind("n", "Anonymous").mapTo(Writer.class).options(Loads.selectin(Writer_.books)).all()
                        .map(w -> w.name + ":" + w.books.size())))
                .expectNext("Leo Tolstoy:1", "Jane Austen:2")
                .verifyComplete();
        List<String> statements = recorder().statements();
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).isEqualTo("SELECT * FROM authors WHERE name <> $1 ORDER BY name DESC");
        assertThat(statements.get(1)).startsWith("SELECT books.id, books.title, books.author_id FROM");
    }

    @Test
    void executeWritesInTheSessionsTransactionAfterAnAutoflush() {
        List<Long> ids = seed();
        String renamed = mariadb() ? "CONCAT(:name, '!')" : ":name || '!'"; // || is OR on MariaDB
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(new Writer("New Writer"))
                        .then(s.sql("UPDATE authors SET name = " + renamed + " WHERE name LIKE 'New%' OR id = :id")
                                .bind("name", "Renamed").bind("id", ids.get(2)).execute())))
                .expectNext(2L)
                .verifyComplete();
        List<String> statements = recorder().statements();
        assertThat(statements.get(statements.size() - 1))
                .isEqualTo("UPDATE authors SET name = " + renamed.replace(":name", "$1") + " WHERE name LIKE 'New%' OR id = $2");
        assertThat(statements.get(statements.size() - 2)).contains("INSERT INTO authors"); // the autoflush
        assertThat(rows("SELECT name FROM authors WHERE name = 'Renamed!'")).hasSize(2);

        // The same kind of write, then a failure: the transaction rolls it back.
        StepVerifier.create(mapper.inTransactionMono(s -> s.sql("DELETE FROM books WHERE author_id = ?").bind(0, ids.get(0))
                        .execute().then(Mono.error(new IllegalStateException("boom")))))
                .expectErrorMessage("boom")
                .verify(TIMEOUT);
        assertThat(count("books")).isEqualTo(3);
    }

    @Test
    void oneAndFirst() {
        seed();
        StepVerifier.create(mapper.withSessionMono(s -> s.sql("SELECT * FROM authors ORDER BY id").mapTo(Writer.class).first()))
                .assertNext(w -> assertThat(w.name).isEqualTo("Jane Austen"))
                .verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.sql("SELECT * FROM authors WHERE id < 0").mapTo(Writer.class).first()))
                .verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.sql("SELECT * FROM authors").mapTo(Writer.class).one()))
                .expectErrorSatisfies(e -> assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_NON_UNIQUE_RESULT))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSessionMono(s -> s.sql("SELECT * FROM authors WHERE id < 0").mapTo(Writer.class).one()))
                .expectErrorSatisfies(e -> assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_NO_RESULT))
                .verify(TIMEOUT);
    }

    @Test
    void literalsQuotedIdentifiersAndCommentsKeepTheirColonsAndQuestionMarks() {
        seed();
        String sql = "SELECT name AS \"who?\" FROM authors /* :not_a_parameter ? */ WHERE name <> ':x?'"
                + " AND name = :name -- ? and :y\n ORDER BY id";
        StepVerifier.create(mapper.withSession(s -> s.sql(sql).bind("name", "Leo Tolstoy")
                        .map(row -> row.columns().get(0) + "=" + row.get(0, String.class)).all()))
                .expectNext("who?=Leo Tolstoy")
                .verifyComplete();
        // The recorder numbers every ? outside quotes on MariaDB, those in comments too: the text sent is sql with ?.
        assertThat(recorder().statements()).containsExactly(mariadb()
                ? dev.braid.testkit.StatementRecorder.numbered(sql.replace(":name", "?")) : sql.replace(":name", "$1"));
    }

    @Test
    void valuesAreBoundNeverSpliced() {
        seed();
        String hostile = "x'; DROP TABLE books; --";
        StepVerifier.create(mapper.withSession(s -> s.sql("SELECT * FROM authors WHERE name = :n").bind("n", hostile)
                        .mapTo(Writer.class).all()))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly("SELECT * FROM authors WHERE name = $1");
        assertThat(count("books")).isEqualTo(3);
    }

    @Test
    void sqlShowsTheStatementWithoutAConnection() {
        seed();
        mapper.withSession(s -> {
            RenderedSql sql = s.sql("SELECT * FROM authors WHERE id = :id OR name IN (:names)").bind("id", 7L)
                    .bind("names", List.of("a", "b")).mapTo(Writer.class).sql();
            assertThat(sql.sql()).isEqualTo(sql("SELECT * FROM authors WHERE id = $1 OR name IN ($2, $3)"));
            assertThat(sql.binds()).containsExactly(new Bind(7L, Long.class), new Bind("a", String.class),
                    new Bind("b", String.class));
            assertThat(sql.origin().toString()).isEqualTo("RAW_SQL Writer");
            assertThat(s.sql("DELETE FROM books WHERE id = ?").bind(0, 1L).sql().origin().toString()).isEqualTo("RAW_SQL");
            return Mono.empty();
        }).blockLast(TIMEOUT);
        assertThat(recorder().statements()).isEmpty();
    }

    @Test
    void badParametersAndTargetTypesFailBeforeAnythingIsSent() {
        seed();
        StepVerifier.create(mapper.withSession(s -> s.sql("SELECT * FROM authors WHERE id = :id").bind("ID", 1L)
                        .mapTo(Writer.class).all()))
                .expectErrorSatisfies(query("has no parameter :ID", "[:id]"))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSession(s -> s.sql("SELECT * FROM authors WHERE id = :id AND name = :name")
                        .bind("id", 1L).mapTo(Writer.class).all()))
                .expectErrorSatisfies(query("unbound parameter(s) [:name]"))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSessionMono(s -> s.sql("DELETE FROM books WHERE id = ?").execute()))
                .expectErrorSatisfies(query("unbound parameter(s) [?#0]"))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSession(s -> s.sql("SELECT * FROM authors").mapTo(StringBuilder.class).all()))
                .expectErrorSatisfies(query("StringBuilder is neither a mapped entity, a record nor a column type"))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSession(s -> s.sql("SELECT * FROM authors WHERE id = $1").mapTo(Writer.class).all()))
                .expectErrorSatisfies(query("uses the marker $1"))
                .verify(TIMEOUT);
        assertThat(recorder().statements()).isEmpty();
    }

    @Test
    void aColumnThatMapsToNothingFailsBeforeAnyRowIsMappedAndTheSessionGoesOn() {
        seed();
        StepVerifier.create(mapper.withSession(s -> s.sql("SELECT a.*, 1 AS extra FROM authors a ORDER BY a.id")
                        .mapTo(Writer.class).all().map(w -> w.name)
                        .onErrorResume(e -> {
                            query("which maps to nothing in Writer", "mapTo(SomeRecord.class)").accept(e);
                            assertThat(e.getMessage().toLowerCase()).contains("has column extra");
                            return s.sql("SELECT count(*) FROM authors").mapTo(Long.class).all()
                                    .map(n -> "recovered " + n);
                        })))
                .expectNext("recovered 3")
                .verifyComplete();
        StepVerifier.create(mapper.withSession(s -> s.sql("SELECT id FROM authors").mapTo(Writer.class).all()))
                .expectErrorSatisfies(query("lacks [Writer.name (column name)]"))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSession(s -> s.sql("SELECT name FROM authors").mapTo(WriterBooks.class).all()))
                .expectErrorSatisfies(query("has no column for [WriterBooks.books]"))
                .verify(TIMEOUT);
    }

    @Test
    void listenersSeeRawStatementsWithTheirOrigin() {
        seed();
        RecordingListener recording = new RecordingListener();
        Mapper listened = Mapper.builder(pool(), registry()).listener(recording).build();
        listened.inTransaction(s -> s.sql("SELECT * FROM authors WHERE id > :id").bind("id", 0L).mapTo(Writer.class).all()
                .then(s.sql("UPDATE books SET title = upper(title) WHERE id > ?").bind(0, 0L).execute())).blockLast(TIMEOUT);
        assertThat(recording.issuers()).containsExactly("RAW_SQL Writer", "RAW_SQL");
        assertThat(recording.statements()).containsExactlyElementsOf(sql(List.of("SELECT * FROM authors WHERE id > $1",
                "UPDATE books SET title = upper(title) WHERE id > $1")));
        assertThat(recording.events().get(1).rows()).isEqualTo(3);
    }
}
