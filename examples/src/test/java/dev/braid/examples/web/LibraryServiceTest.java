package dev.braid.examples.web;

import dev.braid.examples.web.Dtos.AuthorRequest;
import dev.braid.examples.web.Dtos.AuthorView;
import dev.braid.examples.web.Dtos.BookRequest;
import dev.braid.examples.web.Dtos.BookView;
import dev.braid.examples.web.Dtos.NewBook;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API against the running application (random port), on its own H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.r2dbc.url=r2dbc:h2:mem:///web_library_service_test;DB_CLOSE_DELAY=-1")
@AutoConfigureWebTestClient
class LibraryServiceTest {

    @Autowired
    WebTestClient client;

    @Autowired
    ConnectionFactory connectionFactory;

    Sql sql;

    @BeforeEach
    void emptyTables() {
        sql = new Sql(connectionFactory);
        sql.execute("DELETE FROM books", "DELETE FROM authors");
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
        List<ServerSentEvent<Map<String, Object>>> events = client.post().uri("/api/authors/import")
                .contentType(MediaType.APPLICATION_NDJSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .body(input, AuthorRequest.class)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .getResponseBody()
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(events).extracting(ServerSentEvent::event).containsExactly("saved", "saved", "saved", "committed");
        assertThat(events.get(0).data()).containsEntry("name", "Imported 1");
        assertThat(events.get(3).data()).containsEntry("authors", 3);
        assertThat(sql.count("SELECT COUNT(*) FROM authors WHERE name LIKE 'Imported %'")).isEqualTo(3);
        assertThat(sql.count("SELECT COUNT(*) FROM books WHERE title LIKE 'Volume %'")).isEqualTo(3);
    }
}
