package dev.braid.examples.web;

import dev.braid.examples.web.Dtos.AuthorRequest;
import dev.braid.examples.web.Dtos.AuthorView;
import dev.braid.examples.web.Dtos.BookRequest;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.r2dbc.autoconfigure.ProxyConnectionFactoryCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients that go away mid-stream: the Braid session's connection goes back to the pool within a second, and a
 * transaction that was writing is rolled back. Runs against the real server, so the cancellation travels the
 * way it does in production: the socket closes, Reactor Netty cancels the response, Braid's scope ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.r2dbc.url=r2dbc:h2:mem:///web_disconnecting_client_test;DB_CLOSE_DELAY=-1")
@AutoConfigureWebTestClient
class DisconnectingClientTest {
    private static final int AUTHORS = 50_000;

    /** Records transaction calls on the connections (Spring Boot applies r2dbc-proxy customizers to its factory). */
    @TestConfiguration(proxyBeanMethods = false)
    static class TransactionRecorder {
        static final List<String> EVENTS = new CopyOnWriteArrayList<>();

        @Bean
        ProxyConnectionFactoryCustomizer recordTransactions() {
            return builder -> builder.onBeforeMethod(info -> {
                String method = info.getMethod().getName();
                if (method.endsWith("Transaction")) EVENTS.add(method);
            });
        }
    }

    @Autowired
    WebTestClient client;

    @Autowired
    ConnectionFactory connectionFactory;

    Sql sql;

    @BeforeEach
    void manyAuthors() {
        sql = new Sql(connectionFactory);
        sql.execute("DELETE FROM books", "DELETE FROM authors",
                "INSERT INTO authors (name) SELECT 'Author ' || x FROM SYSTEM_RANGE(1, " + AUTHORS + ")",
                "INSERT INTO books (title, author_id) SELECT 'Book of ' || name, id FROM authors");
        TransactionRecorder.EVENTS.clear();
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
        assertThat(sql.count("SELECT COUNT(*) FROM authors")).isEqualTo(AUTHORS); // a read-only stream
    }

    @Test
    void anImportThatLosesItsClientIsRolledBack() {
        // An endless upload: the import can only end by the client going away.
        Flux<AuthorRequest> endless = Flux.interval(Duration.ofMillis(5))
                .map(i -> new AuthorRequest("Imported " + i, List.of(new BookRequest("Volume " + i))));

        Flux<ServerSentEvent<Map<String, Object>>> events = client.post().uri("/api/authors/import")
                .contentType(MediaType.APPLICATION_NDJSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .body(endless, AuthorRequest.class)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .getResponseBody();

        StepVerifier.create(events, 3)
                .assertNext(e -> assertThat(e.event()).isEqualTo("saved"))
                .expectNextCount(2)
                .then(() -> assertThat(sql.acquired()).isEqualTo(1)) // the transaction is open
                .thenCancel()
                .verify(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(sql.acquired()).isZero());
        assertThat(TransactionRecorder.EVENTS).containsExactly("beginTransaction", "rollbackTransaction");
        assertThat(sql.count("SELECT COUNT(*) FROM authors WHERE name LIKE 'Imported %'")).isZero();
        assertThat(sql.count("SELECT COUNT(*) FROM books WHERE title LIKE 'Volume %'")).isZero();
    }
}
