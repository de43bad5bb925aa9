package dev.braid.examples.web;

import dev.braid.examples.web.Dtos.AuthorRequest;
import dev.braid.examples.web.Dtos.AuthorView;
import dev.braid.examples.web.Dtos.BookRequest;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients that go away mid-stream: the Braid session's connection goes back to the pool within a second, and a
 * {@code @Transactional} import that was writing (Braid's rows and DatabaseClient's audit rows) is rolled back by
 * Spring. Runs against the real server, so the cancellation travels the way it does in production: the socket
 * closes, Reactor Netty cancels the response, Spring's transaction and Braid's session end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s") // the first request of a cold JVM on a loaded two-core machine can take over 5 s
@Import(StatementLog.Recording.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class DisconnectingClientContract {
    static final int AUTHORS = 50_000;

    @Autowired
    WebTestClient client;

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    StatementLog log;

    Sql sql;

    /** An INSERT ... SELECT of authors named 'Author 1' to 'Author n', in that order. */
    abstract String insertNumberedAuthors(int n);

    /** How the statements Braid sends to insert one author with one book begin, in order. */
    abstract List<String> authorWithOneBookInserts();

    /**
     * The transaction calls of a stream whose client went away: none where Braid reads keyset pages in
     * auto-commit, BEGIN and ROLLBACK around a cursor.
     */
    abstract List<String> cancelledStreamTransactionEvents();

    /** AuditLog's INSERT as DatabaseClient sends it (see {@link LibraryServiceContract#auditInsert()}). */
    String auditInsert() {
        return LibraryServiceContract.AUDIT_INSERT;
    }

    /**
     * Asserts on the database itself how many transactions the application's connections have open: {@code 1}
     * while an import writes, {@code 0} once its client left. Only where the server shows them: MariaDB's subclass
     * reads {@code information_schema.innodb_trx} (waiting up to 2 s); here nothing is checked.
     */
    void assertOpenTransactions(long expected) {
    }

    @BeforeEach
    void manyAuthors() {
        sql = new Sql(connectionFactory);
        sql.execute("DELETE FROM books", "DELETE FROM authors", "DELETE FROM audit_log",
                insertNumberedAuthors(AUTHORS),
                "INSERT INTO books (title, author_id) SELECT CONCAT('Book of ', name), id FROM authors");
        log.clear();
    }

    @Test
    void aReaderThatDisconnectsMidStreamGivesTheConnectionBack() {
        Flux<AuthorView> authors = client.get().uri("/api/authors/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(AuthorView.class)
                .getResponseBody();

        StepVerifier.create(authors, 3) // ask for 3 events only: the client stops reading, the server must wait
                .assertNext(a -> assertThat(a.name()).isEqualTo("Author 1"))
                .assertNext(a -> assertThat(a.books()).extracting(b -> b.title()).containsExactly("Book of Author 2"))
                .expectNextCount(1)
                // 50,000 authors cannot have been sent yet: the session is still open, holding its connection
                .then(() -> assertThat(sql.acquired()).isEqualTo(1))
                .thenCancel() // the client disconnects
                .verify(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(sql.acquired()).isZero());
        assertOpenTransactions(0);
        // Not @Transactional: Braid's own session reads windows of authors and their books, and nothing else
        assertThat(log.transactionEvents()).isEqualTo(cancelledStreamTransactionEvents());
        assertThat(log.entries()).isNotEmpty().allSatisfy(e -> assertThat(e).matches(
                "(BEGIN|ROLLBACK|SELECT .*|DECLARE braid_cursor_1 .*|FETCH FORWARD 500 FROM braid_cursor_1|CLOSE braid_cursor_1)"));
        assertThat(sql.count("SELECT COUNT(*) FROM authors")).isEqualTo(AUTHORS); // a read-only stream
    }

    @Test
    void anImportThatLosesItsClientIsRolledBack() {
        // An endless upload, one author per 5 ms at most (at the pace the server reads: delayElements waits for
        // demand): the import can only end by the client going away.
        Flux<AuthorRequest> endless = Flux.range(0, Integer.MAX_VALUE).delayElements(Duration.ofMillis(5))
                .map(i -> new AuthorRequest("Imported " + i, List.of(new BookRequest("Volume " + i))));

        Flux<ServerSentEvent<Map<String, Object>>> events = ImportRequests.events(client, endless);

        StepVerifier.create(events, 3)
                .assertNext(e -> assertThat(e.event()).isEqualTo("saved"))
                .expectNextCount(2)
                .then(() -> {
                    assertThat(sql.acquired()).isEqualTo(1); // the transaction is open
                    assertOpenTransactions(1);
                })
                .thenCancel()
                .verify(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(sql.acquired()).isZero());
        assertOpenTransactions(0);
        assertThat(log.transactionEvents()).containsExactly("BEGIN", "ROLLBACK");
        // BEGIN, then per imported author Braid's INSERTs and the audit INSERT, ..., then ROLLBACK
        List<String> sent = log.entries();
        List<String> perAuthor = new java.util.ArrayList<>(authorWithOneBookInserts());
        perAuthor.add(auditInsert());
        int rollback = sent.indexOf("ROLLBACK");
        List<String> writes = sent.subList(1, rollback);
        assertThat(writes.size()).as("sent: %s", sent).isGreaterThanOrEqualTo(3 * perAuthor.size());
        for (int i = 0; i < writes.size(); i++) {
            assertThat(writes.get(i)).as("statement %d of %s", i, sent).startsWith(perAuthor.get(i % perAuthor.size()));
        }
        // The log records a statement when its execution is subscribed and ROLLBACK when Spring calls it, so
        // the write that was in flight when the client went away may be logged after ROLLBACK: at most that
        // one, continuing the pattern. That it was rolled back too is what the counts below prove.
        List<String> afterRollback = sent.subList(rollback + 1, sent.size());
        assertThat(afterRollback).as("sent: %s", sent).hasSizeLessThanOrEqualTo(1);
        afterRollback.forEach(statement -> assertThat(statement).as("sent: %s", sent)
                .startsWith(perAuthor.get(writes.size() % perAuthor.size())));
        assertThat(sql.count("SELECT COUNT(*) FROM authors WHERE name LIKE 'Imported %'")).isZero();
        assertThat(sql.count("SELECT COUNT(*) FROM books WHERE title LIKE 'Volume %'")).isZero();
        assertThat(sql.count("SELECT COUNT(*) FROM audit_log")).isZero();
    }
}
