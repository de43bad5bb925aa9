package dev.braid.examples.web;

import dev.braid.examples.web.Dtos.AuthorRequest;
import dev.braid.examples.web.Dtos.AuthorView;
import dev.braid.examples.web.Dtos.BookRequest;
import dev.braid.examples.web.Dtos.BookView;
import dev.braid.examples.web.Dtos.NewBook;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The REST API against the running application (random port), on one database (H2, PostgreSQL or MariaDB, see the
 * subclasses): what each request returns, what the database holds afterwards, and, for the transactional
 * requests, the statements and transaction calls sent (Braid's and DatabaseClient's in one Spring transaction).
 * The pool is idle after every test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s") // the first request of a cold JVM on a loaded two-core machine can take over 5 s
@Import({StatementLog.Recording.class, ObservationLog.Recording.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class LibraryServiceContract {

    @Autowired
    WebTestClient client;

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    StatementLog log;

    @Autowired
    ObservationLog observations;

    Sql sql;

    /** "h2", "postgresql" or "mariadb": the db.system tag of Braid's observations. */
    abstract String dbSystem();

    /** How each statement Braid sends to insert one author with two books begins, in order. */
    abstract List<String> authorWithTwoBooksInserts();

    /** How each statement Braid sends to insert one author without books begins. */
    abstract List<String> authorInsert();

    /** How each statement Braid sends to insert one author with one book begins, in order. */
    abstract List<String> authorWithOneBookInserts();

    /** How the statements of a page of authors (the count, the page, the selectin load of its books) begin. */
    abstract List<String> authorPageReads();

    /**
     * How the statements of {@code GET /api/authors/stream} over one author begin (Braid's session outside any
     * Spring transaction: one window, then the selectin load of its books), with any transaction calls.
     */
    abstract List<String> streamOfOneAuthor();

    static final String AUDIT_INSERT = "INSERT INTO audit_log (action, table_name, row_id) VALUES ($1, $2, $3)";

    /** AuditLog's INSERT as DatabaseClient sends it: named parameters become the driver's markers ($n on H2 and PostgreSQL). */
    String auditInsert() {
        return AUDIT_INSERT;
    }

    @BeforeEach
    void emptyTables() {
        sql = new Sql(connectionFactory);
        sql.execute("DELETE FROM books", "DELETE FROM authors", "DELETE FROM audit_log");
        log.clear();
    }

    @AfterEach
    void poolIsIdle() {
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(sql.acquired()).isZero());
    }

    /** Asserts the entries logged since the last clear: each begins with the expected text, in order. */
    void assertSent(List<String> expected) {
        List<String> sent = log.entries();
        assertThat(sent).as("sent: %s", sent).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(sent.get(i)).as("entry %d of %s", i, sent).startsWith(expected.get(i));
        }
    }

    static List<String> concat(List<?>... parts) {
        List<String> all = new ArrayList<>();
        for (List<?> part : parts) {
            for (Object o : part) all.add((String) o);
        }
        return all;
    }

    List<String> auditRows() {
        return sql.strings("SELECT CONCAT(action, ' ', table_name) FROM audit_log ORDER BY id");
    }

    private AuthorView create(String name, String... titles) {
        List<BookRequest> books = java.util.Arrays.stream(titles).map(BookRequest::new).toList();
        return client.post().uri("/api/authors").bodyValue(new AuthorRequest(name, books))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(AuthorView.class).returnResult().getResponseBody();
    }

    // ------------------------------------------------------------------------------------------------ authors

    @Test
    void authorWithBooksIsCreatedInOneRequestReadUpdatedAndDeletedWithItsBooks() {
        AuthorView austen = client.post().uri("/api/authors")
                .bodyValue(new AuthorRequest("Jane Austen", List.of(new BookRequest("Emma"), new BookRequest("Persuasion"))))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).matches("/api/authors/\\d+"))
                .expectBody(AuthorView.class).returnResult().getResponseBody();
        assertThat(austen.id()).isNotNull();
        assertThat(austen.books()).extracting(b -> b.title()).containsExactly("Emma", "Persuasion");
        assertThat(austen.books()).allSatisfy(b -> assertThat(b.id()).isNotNull());
        assertThat(sql.count("SELECT COUNT(*) FROM books WHERE author_id = " + austen.id())).isEqualTo(2);

        client.get().uri("/api/authors/{id}", austen.id()).exchange()
                .expectStatus().isOk()
                .expectBody(AuthorView.class).isEqualTo(austen);

        // PUT: rename, keep Emma (same row), drop Persuasion (delete-orphan), add Sanditon.
        long emmaId = austen.books().get(0).id();
        AuthorView updated = client.put().uri("/api/authors/{id}", austen.id())
                .bodyValue(new AuthorRequest("Jane Austen (1775-1817)", List.of(new BookRequest("Emma"), new BookRequest("Sanditon"))))
                .exchange()
                .expectStatus().isOk()
                .expectBody(AuthorView.class).returnResult().getResponseBody();
        assertThat(updated.name()).isEqualTo("Jane Austen (1775-1817)");
        assertThat(updated.books()).extracting(b -> b.title()).containsExactly("Emma", "Sanditon");
        assertThat(updated.books().get(0).id()).isEqualTo(emmaId);
        assertThat(sql.count("SELECT COUNT(*) FROM books WHERE title = 'Persuasion'")).isZero();

        client.delete().uri("/api/authors/{id}", austen.id()).exchange().expectStatus().isNoContent();
        assertThat(sql.count("SELECT COUNT(*) FROM authors")).isZero();
        assertThat(sql.count("SELECT COUNT(*) FROM books")).isZero(); // cascaded
        client.get().uri("/api/authors/{id}", austen.id()).exchange().expectStatus().isNotFound();
        // DatabaseClient's audit rows, one per write, committed with Braid's changes
        assertThat(auditRows()).containsExactly("author created authors", "author updated authors", "author deleted authors");
    }

    @Test
    void authorsArePagedInIdOrderWithTheirBooks() {
        for (int i = 1; i <= 25; i++) create("Author " + i, "Book " + i + "a", "Book " + i + "b");
        client.get().uri("/api/authors?page=1&size=10").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page").isEqualTo(1)
                .jsonPath("$.size").isEqualTo(10)
                .jsonPath("$.total").isEqualTo(25)
                .jsonPath("$.items.length()").isEqualTo(10)
                .jsonPath("$.items[0].name").isEqualTo("Author 11")
                .jsonPath("$.items[9].name").isEqualTo("Author 20")
                .jsonPath("$.items[0].books[*].title").isEqualTo(List.of("Book 11a", "Book 11b"))
                // no back reference in the JSON: a book inside an author has no author
                .jsonPath("$.items[0].books[0].author").doesNotExist();
        client.get().uri("/api/authors?page=2&size=10").exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(5);
        client.get().uri("/api/authors").exchange()
                .expectBody().jsonPath("$.size").isEqualTo(20).jsonPath("$.items.length()").isEqualTo(20);
    }

    @Test
    void bookCountsPerAuthorComeFromOneGroupedQuery() {
        AuthorView austen = create("Jane Austen", "Emma", "Persuasion");
        AuthorView tolstoy = create("Leo Tolstoy", "War and Peace");
        AuthorView nobody = create("Nobody");
        client.get().uri("/api/authors/book-counts").exchange()
                .expectStatus().isOk()
                .expectBodyList(Dtos.AuthorBookCount.class)
                .isEqualTo(List.of(new Dtos.AuthorBookCount(austen.id(), "Jane Austen", 2),
                        new Dtos.AuthorBookCount(tolstoy.id(), "Leo Tolstoy", 1),
                        new Dtos.AuthorBookCount(nobody.id(), "Nobody", 0)));
    }

    @Test
    void invalidInputGivesBadRequestProblemDetailsListingEveryField() {
        client.post().uri("/api/authors")
                .bodyValue(new AuthorRequest(" ", List.of(new BookRequest(""))))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.title").isEqualTo("Bad Request")
                .jsonPath("$.instance").isEqualTo("/api/authors")
                .jsonPath("$.errors[0].field").isEqualTo("books[0].title")
                .jsonPath("$.errors[0].message").isEqualTo("must not be blank")
                .jsonPath("$.errors[1].field").isEqualTo("name");
        client.post().uri("/api/authors").bodyValue(new AuthorRequest("x".repeat(101), null))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].message").isEqualTo("size must be between 0 and 100");
        client.post().uri("/api/authors").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/api/authors?size=0").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        client.get().uri("/api/authors?page=-1").exchange().expectStatus().isBadRequest();
        assertThat(log.entries()).isEmpty(); // rejected before the service: no transaction, no statement
        assertThat(sql.count("SELECT COUNT(*) FROM authors")).isZero();
    }

    @Test
    void missingRowsGiveNotFoundProblemDetails() {
        client.get().uri("/api/authors/424242").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.detail").isEqualTo("Author 424242 does not exist")
                .jsonPath("$.instance").isEqualTo("/api/authors/424242");
        client.put().uri("/api/authors/424242").bodyValue(new AuthorRequest("Nobody", null))
                .exchange().expectStatus().isNotFound();
        client.delete().uri("/api/authors/424242").exchange().expectStatus().isNotFound();
        client.get().uri("/api/books/424242").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("Book 424242 does not exist")
                .jsonPath("$.instance").isEqualTo("/api/books/424242");
        client.delete().uri("/api/books/424242").exchange().expectStatus().isNotFound();
    }

    // ------------------------------------------------------------------------------------------------ books

    @Test
    void booksThroughTheFunctionalRoutes() {
        AuthorView tolstoy = create("Leo Tolstoy", "War and Peace");
        AuthorView chekhov = create("Anton Chekhov");

        BookView anna = client.post().uri("/api/books").bodyValue(new NewBook("Anna Karenina", tolstoy.id()))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/books/"))
                .expectBody(BookView.class).returnResult().getResponseBody();
        assertThat(anna.author()).isEqualTo(new Dtos.AuthorSummary(tolstoy.id(), "Leo Tolstoy"));

        client.get().uri("/api/books?size=10").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[*].title").isEqualTo(List.of("War and Peace", "Anna Karenina"))
                .jsonPath("$.items[1].author.name").isEqualTo("Leo Tolstoy")
                .jsonPath("$.items[1].author.books").doesNotExist();

        // Move it to another author and rename it.
        client.put().uri("/api/books/{id}", anna.id()).bodyValue(new NewBook("The Cherry Orchard", chekhov.id()))
                .exchange()
                .expectStatus().isOk()
                .expectBody(BookView.class)
                .isEqualTo(new BookView(anna.id(), "The Cherry Orchard", new Dtos.AuthorSummary(chekhov.id(), "Anton Chekhov")));
        assertThat(sql.count("SELECT author_id FROM books WHERE id = " + anna.id())).isEqualTo(chekhov.id());

        client.post().uri("/api/books").bodyValue(new NewBook("", null))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.instance").isEqualTo("/api/books")
                .jsonPath("$.errors[0].field").isEqualTo("authorId")
                .jsonPath("$.errors[1].field").isEqualTo("title");
        client.post().uri("/api/books").bodyValue(new NewBook("Ghost", 424242L))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("author 424242 does not exist");
        client.get().uri("/api/books?size=500").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        client.delete().uri("/api/books/{id}", anna.id()).exchange().expectStatus().isNoContent();
        client.get().uri("/api/books/{id}", anna.id()).exchange().expectStatus().isNotFound();
        assertThat(sql.count("SELECT COUNT(*) FROM books")).isEqualTo(1);
        assertThat(auditRows()).containsExactly("author created authors", "author created authors",
                "book created books", "book updated books", "book deleted books"); // none for the rejected requests
    }

    // ------------------------------------------------------------------------------------------------ streams

    @Test
    void serverSentEventsStreamEveryAuthorWithBooks() {
        create("A", "A1");
        create("B");
        create("C", "C1", "C2");
        List<ServerSentEvent<AuthorView>> events = client.get().uri("/api/authors/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<AuthorView>>() {})
                .getResponseBody()
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(events).extracting(ServerSentEvent::event).containsOnly("author");
        assertThat(events).extracting(e -> e.data().name()).containsExactly("A", "B", "C");
        assertThat(events).extracting(e -> e.data().books().size()).containsExactly(1, 0, 2);
        assertThat(events.get(2).id()).isEqualTo(String.valueOf(events.get(2).data().id()));
    }

    @Test
    void aStreamingImportCommitsWhenTheInputEnds() {
        Flux<AuthorRequest> input = Flux.range(1, 3)
                .map(i -> new AuthorRequest("Imported " + i, List.of(new BookRequest("Volume " + i))));
        List<ServerSentEvent<Map<String, Object>>> events = ImportRequests.events(client, input)
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(events).extracting(ServerSentEvent::event).containsExactly("saved", "saved", "saved", "committed");
        assertThat(events.get(0).data()).containsEntry("name", "Imported 1");
        assertThat(events.get(3).data()).containsEntry("authors", 3);
        assertThat(sql.count("SELECT COUNT(*) FROM authors WHERE name LIKE 'Imported %'")).isEqualTo(3);
        assertThat(sql.count("SELECT COUNT(*) FROM books WHERE title LIKE 'Volume %'")).isEqualTo(3);
        assertThat(auditRows()).containsExactly("author imported authors", "author imported authors", "author imported authors");
    }

    // ------------------------------------------------------------------------------------------------ transactions

    @Test
    void aWriteSendsBraidsInsertsAndTheAuditRowInOneSpringTransaction() {
        AuthorView austen = create("Jane Austen", "Emma", "Persuasion");
        assertSent(concat(List.of("BEGIN"), authorWithTwoBooksInserts(), List.of(auditInsert(), "COMMIT")));
        assertThat(austen.books()).allSatisfy(b -> assertThat(b.id()).isNotNull()); // set by withSession's flush
        assertThat(sql.strings("SELECT CONCAT(action, ' ', table_name, ' ', row_id) FROM audit_log"))
                .containsExactly("author created authors " + austen.id());
    }

    /** Reads use mapper.readOnly outside Spring's transactions: no replicas here, so the primary, in auto-commit. */
    @Test
    void readsRunOnAReadOnlySessionWithoutATransaction() {
        create("A", "A1");
        log.clear();
        client.get().uri("/api/authors?size=5").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].books[0].title").isEqualTo("A1");
        assertSent(authorPageReads());
    }

    @Test
    void theSseStreamRunsOnBraidsOwnSession() {
        create("A", "A1");
        log.clear();
        List<AuthorView> streamed = client.get().uri("/api/authors/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(AuthorView.class).getResponseBody()
                .collectList().block(Duration.ofSeconds(10));
        assertThat(streamed).extracting(AuthorView::name).containsExactly("A");
        assertSent(streamOfOneAuthor());
    }

    /**
     * An import whose third author is invalid: the first two were inserted by Braid and audited with
     * DatabaseClient (and streamed to the client as saved) when the invalid one arrives; Spring rolls both
     * back, and the stream ends with a failed event.
     */
    @Test
    void aFailingTransactionalRequestRollsBackBraidsAndDatabaseClientsWrites() {
        create("Kept", "Kept book");
        log.clear();
        Sinks.Empty<Void> twoSaved = Sinks.empty();
        // The client sends the invalid author only once the first two were saved (it has their events).
        Flux<AuthorRequest> input = Flux.concat(
                Flux.just(new AuthorRequest("Imported 1", List.of(new BookRequest("Volume 1"))),
                        new AuthorRequest("Imported 2", List.of())),
                twoSaved.asMono().thenMany(Flux.just(new AuthorRequest(" ", List.of()))));

        Flux<ServerSentEvent<Map<String, Object>>> events = ImportRequests.events(client, input);

        StepVerifier.create(events)
                .assertNext(e -> assertThat(e.data()).containsEntry("name", "Imported 1"))
                .assertNext(e -> assertThat(e.data()).containsEntry("name", "Imported 2"))
                .then(() -> {
                    // both are in the open transaction: Braid flushed them, the audit rows were written
                    assertThat(log.entries()).contains(auditInsert()).doesNotContain("COMMIT", "ROLLBACK");
                    twoSaved.tryEmitEmpty();
                })
                .assertNext(e -> {
                    assertThat(e.event()).isEqualTo("failed");
                    assertThat(e.data()).containsEntry("status", 400);
                    assertThat(e.data().get("errors")).isEqualTo(List.of(Map.of("field", "name", "message", "must not be blank")));
                })
                .verifyComplete();

        assertSent(concat(List.of("BEGIN"), authorWithOneBookInserts(), List.of(auditInsert()),
                authorInsert(), List.of(auditInsert(), "ROLLBACK")));
        assertThat(sql.strings("SELECT name FROM authors")).containsExactly("Kept");
        assertThat(sql.strings("SELECT title FROM books")).containsExactly("Kept book");
        assertThat(auditRows()).containsExactly("author created authors");
    }

    // ------------------------------------------------------------------------------------------------ observations

    @Test
    void braidsObservationsAreTimersAtTheActuatorMetricsEndpoint() {
        AuthorView austen = create("Jane Austen", "Emma");
        long queries = statementCount("query", "Author");
        long loads = statementCount("relationship_load", "Author");
        long inserts = statementCount("insert", "Author");

        client.get().uri("/api/authors/{id}", austen.id()).exchange().expectStatus().isOk();

        // One query for the author and one selectin load of their books; nothing written.
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(statementCount("query", "Author")).isEqualTo(queries + 1);
            assertThat(statementCount("relationship_load", "Author")).isEqualTo(loads + 1);
        });
        assertThat(statementCount("insert", "Author")).isEqualTo(inserts);
        client.get().uri("/actuator/metrics/braid.statement?tag=braid.operation:relationship_load").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.availableTags[?(@.tag == 'braid.relationship')].values[*]").isEqualTo(List.of("Author.books"))
                .jsonPath("$.availableTags[?(@.tag == 'db.system')].values[*]").isEqualTo(List.of(dbSystem()))
                .jsonPath("$.availableTags[?(@.tag == 'outcome')].values[*]").isEqualTo(List.of("success"));
        client.get().uri("/actuator/metrics/braid.session").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.availableTags[?(@.tag == 'braid.operation')].values[*]").value(values ->
                        assertThat(objects(values)).contains("with_session"));
        client.get().uri("/actuator/metrics/braid.flush").exchange().expectStatus().isOk();
    }

    @SuppressWarnings("unchecked")
    static List<Object> objects(Object jsonArray) {
        return (List<Object>) jsonArray;
    }

    /**
     * Braid's observations nest under the request's: the WebFlux server observation is in the Reactor context that
     * reaches the service, through Spring's transaction, to Braid (so a tracer shows Braid's spans in the request's
     * trace). A write: the session, its flush, the flush's INSERTs.
     */
    @Test
    void braidsObservationsAreChildrenOfTheRequestsObservation() {
        observations.clear();
        create("Jane Austen", "Emma");
        List<ObservationLog.Started> braid = observations.braid();
        assertThat(braid).extracting(ObservationLog.Started::contextualName).containsExactly(
                "braid withSession", "braid flush", "braid insert Author", "braid insert Book");
        assertThat(braid.get(0).ancestors()).containsExactly("http.server.requests");
        assertThat(braid.get(1).ancestors()).containsExactly("braid.session", "http.server.requests");
        assertThat(braid.get(2).ancestors()).containsExactly("braid.flush", "braid.session", "http.server.requests");
        assertThat(braid.get(3).ancestors()).isEqualTo(braid.get(2).ancestors());
    }

    /** The braid.statement timer's count for one operation on one entity, read from the actuator endpoint. */
    long statementCount(String operation, String entity) {
        Map<?, ?> metric = client.get()
                .uri("/actuator/metrics/braid.statement?tag=braid.operation:{op}&tag=braid.entity:{entity}&tag=db.system:{db}",
                        operation, entity, dbSystem())
                .exchange()
                .returnResult(Map.class).getResponseBody().blockFirst(Duration.ofSeconds(10));
        if (metric == null || !metric.containsKey("measurements")) return 0; // no such timer yet
        return ((List<?>) metric.get("measurements")).stream()
                .map(m -> (Map<?, ?>) m)
                .filter(m -> "COUNT".equals(m.get("statistic")))
                .mapToLong(m -> ((Number) m.get("value")).longValue())
                .findFirst().orElse(0);
    }
}
