package dev.braid.reactive;

import dev.braid.error.DatabaseException;
import dev.braid.query.Loads;
import dev.braid.statement.StatementOrigin;
import dev.braid.dialect.Dialect;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Novel;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import dev.braid.testkit.RecordingListener;
import dev.braid.testkit.ScriptedConnection;
import dev.braid.testkit.ScriptedExecutor;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.braid.testkit.ScriptedExecutor.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Session and loader logic without a database: the real session code over a {@link ScriptedExecutor} and a
 * {@link ScriptedConnection}. Each test states the exact statements the work must send and what they answer.
 */
class ScriptedSessionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String WRITERS = "SELECT authors.id, authors.name FROM authors";
    private static final String NOVELS_OF = "SELECT books.id, books.title, books.author_id FROM books WHERE books.author_id = ANY($1)";

    private final ScriptedConnection connection = new ScriptedConnection();
    private final RecordingListener recording = new RecordingListener();

    private Mapper mapper(ScriptedExecutor db) {
        return Mapper.builder(connection.factory("scripted"), GraphModel.registry())
                .dialect(dialect)
                .executor(dialect -> db)
                .listener(recording)
                .build();
    }

    private Dialect dialect = Dialect.postgresql();

    @Test
    void selectinLoadOfThreeAuthorsSendsOneStatementWithTheKeysAndAssignsTheBooks() {
        ScriptedExecutor db = ScriptedExecutor.of(dialect);
        db.expect(WRITERS).rows(
                row("id", 1L, "name", "Austen"), row("id", 2L, "name", "Tolstoy"), row("id", 3L, "name", "Nobody"));
        db.expect(NOVELS_OF).binds((Object) new Long[] {1L, 2L, 3L}).rows(
                row("id", 10L, "title", "Emma", "author_id", 1L),
                row("id", 11L, "title", "War and Peace", "author_id", 2L),
                row("id", 12L, "title", "Pride and Prejudice", "author_id", 1L));

        List<Writer> writers = mapper(db).withSession(s -> s.select(Writer.class).options(Loads.selectin(Writer_.books)).all())
                .collectList().block(TIMEOUT);

        db.verify();
        assertThat(writers).extracting(w -> w.name).containsExactly("Austen", "Tolstoy", "Nobody");
        assertThat(writers.get(0).books).extracting(b -> b.title).containsExactly("Emma", "Pride and Prejudice");
        assertThat(writers.get(1).books).extracting(b -> b.title).containsExactly("War and Peace");
        assertThat(writers.get(2).books.isLoaded()).isTrue();
        assertThat(writers.get(2).books).isEmpty();
        assertThat(writers.get(0).books.get(0).author.get()).isSameAs(writers.get(0));
        assertThat(recording.issuers()).containsExactly("QUERY Writer", "RELATIONSHIP_LOAD Writer.books");
        assertThat(recording.events()).extracting(ExecutionEvent::rows).containsExactly(3L, 3L);
        assertThat(connection.events()).containsExactly("close");
    }

    @Test
    void rawSqlRowsBecomeTheSessionsObjectsByColumnNameAfterTheAutoflush() {
        dialect = Dialect.h2();
        ScriptedExecutor db = ScriptedExecutor.of(dialect);
        db.expect("SELECT id FROM FINAL TABLE (INSERT INTO authors (name) VALUES ($1))").binds("Austen").rowValues(List.of(7L));
        db.expect("SELECT name, id FROM authors WHERE name LIKE $1 OR id IN ($2, $3)").binds("A%", 7L, 8L).rows(
                row("NAME", "Austen (another row's copy)", "ID", 7L), row("NAME", "Tolstoy", "ID", 8L));
        Writer austen = new Writer("Austen");

        List<Writer> writers = mapper(db).withSession(s -> s.add(austen).thenMany(
                        s.sql("SELECT name, id FROM authors WHERE name LIKE :p OR id IN (:ids)").bind("p", "A%")
                                .bind("ids", List.of(7L, 8L)).mapTo(Writer.class).all()))
                .collectList().block(TIMEOUT);

        db.verify();
        assertThat(writers.get(0)).isSameAs(austen); // the identity map's object, as it is in memory
        assertThat(writers.get(0).name).isEqualTo("Austen");
        assertThat(writers.get(1).id).isEqualTo(8L);
        assertThat(writers.get(1).name).isEqualTo("Tolstoy");
        assertThat(recording.issuers()).containsExactly("INSERT Writer", "RAW_SQL Writer");
    }

    @Test
    void flushOfTwoNewRowsSendsOneInsertAndAssignsTheGeneratedIds() {
        dialect = Dialect.h2();
        ScriptedExecutor db = ScriptedExecutor.of(dialect);
        db.expect("SELECT id FROM FINAL TABLE (INSERT INTO authors (name) VALUES ($1), ($2))")
                .binds("Austen", "Tolstoy")
                .rowValues(List.of(7L), List.of(8L));
        Writer austen = new Writer("Austen");
        Writer tolstoy = new Writer("Tolstoy");

        mapper(db).inTransaction(s -> s.addAll(List.of(austen, tolstoy))).blockLast(TIMEOUT);

        db.verify();
        assertThat(austen.id).isEqualTo(7L);
        assertThat(tolstoy.id).isEqualTo(8L);
        assertThat(connection.events()).containsExactly("begin", "commit", "close");
        assertThat(recording.origins()).containsExactly(StatementOrigin.of(StatementOrigin.Kind.INSERT, Writer.class));
        assertThat(recording.events().get(0).outcome()).isEqualTo(ExecutionEvent.Outcome.SUCCESS);
        assertThat(recording.events().get(0).values()).containsExactly("Austen", "Tolstoy");
    }

    @Test
    void aChildInsertedWithItsParentGetsTheParentsGeneratedKey() {
        dialect = Dialect.h2();
        ScriptedExecutor db = ScriptedExecutor.of(dialect);
        db.expect("SELECT id FROM FINAL TABLE (INSERT INTO authors (name) VALUES ($1))").binds("Austen").rowValues(List.of(5L));
        db.expect("SELECT id FROM FINAL TABLE (INSERT INTO books (title, author_id) VALUES ($1, $2))")
                .binds("Emma", 5L).rowValues(List.of(50L));
        Writer austen = new Writer("Austen");
        Novel emma = new Novel("Emma", austen);

        mapper(db).inTransaction(s -> s.add(emma)).blockLast(TIMEOUT);

        db.verify();
        assertThat(emma.id).isEqualTo(50L);
        assertThat(emma.authorId).isEqualTo(5L);
        assertThat(recording.issuers()).containsExactly("INSERT Writer", "INSERT Novel");
    }

    @Test
    void aFailingStatementRollsBackAndIsReportedAsAnError() {
        dialect = Dialect.h2();
        ScriptedExecutor db = ScriptedExecutor.of(dialect);
        db.expectPrefix("SELECT id FROM FINAL TABLE (INSERT INTO authors")
                .fail(new R2dbcNonTransientResourceException("boom", "XX000", 0, "INSERT"));
        Writer austen = new Writer("Austen");

        assertThatThrownBy(() -> mapper(db).inTransaction(s -> s.add(austen)).blockLast(TIMEOUT))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("boom");

        db.verify();
        assertThat(austen.id).isNull(); // the flush's object changes were undone
        assertThat(connection.events()).containsExactly("begin", "rollback", "close");
        assertThat(recording.events()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(ExecutionEvent.Outcome.ERROR);
            assertThat(e.error()).isInstanceOf(DatabaseException.class);
        });
    }

    @Test
    void takingOneRowCancelsTheQueryAndTheListenerSeesTheCancel() {
        ScriptedExecutor db = ScriptedExecutor.of(dialect);
        db.expect(WRITERS).rows(row("id", 1L, "name", "Austen"), row("id", 2L, "name", "Tolstoy"));

        List<Writer> first = mapper(db).withSession(s -> s.select(Writer.class).all().take(1)).collectList().block(TIMEOUT);

        assertThat(first).extracting(w -> w.name).containsExactly("Austen");
        assertThat(recording.events()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(ExecutionEvent.Outcome.CANCEL);
            assertThat(e.rows()).isEqualTo(1L);
        });
    }

    @Test
    void anUnexpectedStatementFailsWithWhatWasSentAndWhatWasExpected() {
        ScriptedExecutor db = ScriptedExecutor.of(dialect);
        db.expect("SELECT something else");

        assertThatThrownBy(() -> mapper(db).withSession(s -> s.select(Writer.class).all()).blockLast(TIMEOUT))
                .rootCause().isInstanceOf(AssertionError.class)
                .hasMessageContaining("Unexpected statement #1: " + WRITERS)
                .hasMessageContaining("expected exactly: SELECT something else");
        assertThatThrownBy(db::verify).hasMessageContaining("Unexpected statement #1");
    }

    @Test
    void verifyNamesTheExpectationsThatWereNeverMet() {
        ScriptedExecutor db = ScriptedExecutor.of(dialect);
        db.expect(WRITERS).noRows();
        db.expectPrefix("SELECT books.");

        mapper(db).withSession(s -> s.select(Writer.class).all()).blockLast(TIMEOUT);

        assertThatThrownBy(db::verify).isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 expected statement(s) never sent")
                .hasMessageContaining("starting with: SELECT books.")
                .hasMessageContaining("#1 " + WRITERS);
    }

    @Test
    void wrongBindsAreReportedWithTheValuesSent() {
        ScriptedExecutor db = ScriptedExecutor.of(dialect);
        db.expect("SELECT authors.id, authors.name FROM authors WHERE authors.id = $1").binds(2L).noRows();

        assertThatThrownBy(() -> mapper(db).withSession(s -> s.get(Writer.class, 1L)).blockLast(TIMEOUT))
                .rootCause().isInstanceOf(AssertionError.class)
                .hasMessageContaining("has unexpected binds [1]");
    }

    @Test
    void aMapperWithoutListenersRunsThePlainExecutor() {
        ScriptedExecutor db = ScriptedExecutor.of(dialect);
        Mapper plain = Mapper.builder(connection.factory("scripted"), GraphModel.registry()).dialect(dialect)
                .executor(d -> db).build();
        assertThat(plain.executor()).isSameAs(db);
        assertThat(mapper(db).executor()).isInstanceOf(ObservingExecutor.class);
    }
}
