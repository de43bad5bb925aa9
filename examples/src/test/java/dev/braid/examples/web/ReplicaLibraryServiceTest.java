package dev.braid.examples.web;

import dev.braid.examples.web.Dtos.AuthorRequest;
import dev.braid.examples.web.Dtos.AuthorView;
import dev.braid.testkit.PostgresReplicaPair;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.ResponseCookie;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;

import static dev.braid.examples.web.ReadYourWritesFilter.COOKIE;
import static dev.braid.examples.web.ReadYourWritesFilter.HEADER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service with a replica: its database is the test kit's primary ({@link PostgresReplicaPair}) and
 * {@code braid.replicas.urls} names the kit's streaming standby. With the standby's replay paused, a client that
 * sends back its {@code Braid-Read-After} position (header or cookie, {@link ReadYourWritesFilter}) reads its own
 * new author (from the primary, after the 200 ms wait), and a client without one does not see it (the read ran on
 * the replica) until replay resumes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReplicaLibraryServiceTest {
    @Autowired
    WebTestClient client;

    @Autowired
    ConnectionFactory connectionFactory;

    PostgresReplicaPair pair;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        PostgresReplicaPair pair = PostgresReplicaPair.shared();
        properties.add("spring.r2dbc.url", () -> url(pair.primaryPort()));
        properties.add("braid.replicas.urls", () -> url(pair.replicaPort()));
        properties.add("braid.replicas.max-lag", () -> "1h"); // replay is paused: the lag grows, the replica stays in use
        properties.add("braid.replicas.read-your-writes-wait", () -> "200ms");
    }

    private static String url(int port) {
        return "r2dbc:postgresql://postgres@127.0.0.1:" + port + "/" + PostgresReplicaPair.DATABASE_NAME;
    }

    @BeforeEach
    void emptyTablesOnBoth() {
        pair = PostgresReplicaPair.shared();
        pair.resumeReplay();
        new Sql(connectionFactory).execute("DELETE FROM books", "DELETE FROM authors", "DELETE FROM audit_log");
        pair.awaitReplicaCaughtUp();
    }

    @AfterEach
    void replayResumed() {
        pair.resumeReplay();
    }

    @Test
    void aClientReadsItsOwnWritesWithItsHeaderAndOthersReadTheReplica() {
        EntityExchangeResult<AuthorView> first = post("Jane Austen", null);
        String firstToken = first.getResponseHeaders().getFirst(HEADER);
        assertThat(firstToken).as("a write's response carries the position").matches("[0-9a-f]{1,16}");
        ResponseCookie cookie = first.getResponseCookies().getFirst(COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo(firstToken);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.getPath()).isEqualTo("/");
        pair.awaitReplicaCaughtUp();

        pair.pauseReplay();
        try {
            EntityExchangeResult<AuthorView> second = post("Leo Tolstoy", firstToken);
            String token = second.getResponseHeaders().getFirst(HEADER);
            assertThat(Long.compareUnsigned(Long.parseUnsignedLong(token, 16), Long.parseUnsignedLong(firstToken, 16)))
                    .as("the position advanced").isPositive();
            long id = second.getResponseBody().id();

            // With its position: the replica has not replayed the write; after 200 ms the primary answers.
            client.get().uri("/api/authors/{id}", id).header(HEADER, token).exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HEADER, token) // a read keeps the position going
                    .expectBody(AuthorView.class).value(author -> assertThat(author.name()).isEqualTo("Leo Tolstoy"));
            // Without one (a new client, or a malformed position): the replica answers, without the new author.
            client.get().uri("/api/authors/{id}", id).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().doesNotExist(HEADER);
            client.get().uri("/api/authors/{id}", id).header(HEADER, "not-a-position").exchange()
                    .expectStatus().isNotFound();
            assertThat(names(null)).containsExactly("Jane Austen");
            assertThat(names(token)).containsExactly("Jane Austen", "Leo Tolstoy");
        } finally {
            pair.resumeReplay();
        }
        pair.awaitReplicaCaughtUp();
        assertThat(names(null)).containsExactly("Jane Austen", "Leo Tolstoy");
    }

    @Test
    void aBrowserCarriesItsPositionInTheCookie() {
        post("Jane Austen", null);
        pair.awaitReplicaCaughtUp();
        pair.pauseReplay();
        try {
            EntityExchangeResult<AuthorView> written = post("Anton Chekhov", null);
            String token = written.getResponseCookies().getFirst(COOKIE).getValue();
            long id = written.getResponseBody().id();

            client.get().uri("/api/authors/{id}", id).cookie(COOKIE, token).exchange()
                    .expectStatus().isOk()
                    .expectCookie().value(COOKIE, value -> assertThat(value).isEqualTo(token))
                    .expectBody(AuthorView.class).value(author -> assertThat(author.name()).isEqualTo("Anton Chekhov"));
            client.get().uri("/api/authors/{id}", id).cookie(COOKIE, "zz").exchange().expectStatus().isNotFound();
        } finally {
            pair.resumeReplay();
        }
    }

    private EntityExchangeResult<AuthorView> post(String name, String token) {
        WebTestClient.RequestBodySpec request = client.post().uri("/api/authors");
        if (token != null) request.header(HEADER, token);
        return request.bodyValue(new AuthorRequest(name, List.of())).exchange()
                .expectStatus().isCreated()
                .expectBody(AuthorView.class).returnResult();
    }

    private List<String> names(String token) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri("/api/authors");
        if (token != null) request.header(HEADER, token);
        return request.exchange().expectStatus().isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Dtos.Page<AuthorView>>() {})
                .returnResult().getResponseBody().items().stream().map(AuthorView::name).toList();
    }
}
