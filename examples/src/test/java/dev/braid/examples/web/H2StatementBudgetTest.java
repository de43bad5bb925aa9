package dev.braid.examples.web;

import dev.braid.examples.catalog.Author;
import dev.braid.examples.catalog.Book;
import dev.braid.examples.web.Dtos.AuthorView;
import dev.braid.reactive.Mapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import io.r2dbc.spi.ConnectionFactory;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-request statement budget ({@link StatementBudgetFilter}, budget 4 here) against the running application
 * on H2: the N+1 endpoint over five authors fails with 500 problem details naming BRAID_BUDGET and the fix, having
 * sent exactly four statements; the selectin endpoint over the same authors passes; the budget does not outlive
 * the request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "library.statement-budget=4")
@AutoConfigureWebTestClient(timeout = "30s")
@Import(StatementLog.Recording.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class H2StatementBudgetTest {
    private static final String BOOKS = "SELECT books.id, books.title, books.author_id FROM TABLE(k bigint = $1) braid_keys"
            + " JOIN books ON books.author_id = braid_keys.k";

    @Autowired
    WebTestClient client;

    @Autowired
    Mapper mapper;

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    StatementLog log;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.r2dbc.url", () -> "r2dbc:h2:mem:///web_statement_budget_test;DB_CLOSE_DELAY=-1");
    }

    @BeforeEach
    void fiveAuthors() {
        new Sql(connectionFactory).execute("DELETE FROM books", "DELETE FROM authors", "DELETE FROM audit_log");
        mapper.inTransaction(s -> {
            List<Author> authors = List.of(new Author("Austen"), new Author("Eliot"), new Author("Woolf"),
                    new Author("Tolstoy"), new Author("Nobody"));
            for (int i = 0; i < 4; i++) new Book("Book " + i, authors.get(i));
            return s.addAll(authors);
        }).blockLast(Duration.ofSeconds(30));
        log.clear();
    }

    @Test
    void theNPlusOneEndpointFailsWithTheBudgetErrorAfterFourStatements() {
        client.get().uri("/api/demo/n-plus-one").exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Statement budget exceeded")
                .jsonPath("$.code").isEqualTo("BRAID_BUDGET")
                .jsonPath("$.budget").isEqualTo(4)
                .jsonPath("$.instance").isEqualTo("/api/demo/n-plus-one")
                .jsonPath("$.detail").isEqualTo("[BRAID_BUDGET] Statement budget exceeded: the session may send 4"
                        + " statements (StatementBudget.perSession(4)) and has sent 4: 1 query of Author, 3 relationship"
                        + " loads of Author.books. The next statement (relationship load of Author.books) was not sent: "
                        + BOOKS + ". One load of Author.books per object is the N+1 pattern. Fix: load Author.books for"
                        + " all the objects at once: with the query that reads them,"
                        + " .options(Loads.selectin(Author_.books)), or afterwards with one session.load(objects,"
                        + " Author_.books); or, if the work needs more statements, raise the budget (session.budget(n),"
                        + " StatementBudget.perSession(n), MapperBuilder.statementBudget(n))");

        // Nothing beyond the budget reached the database: the query and three loads.
        assertThat(log.entries()).containsExactly("SELECT authors.id, authors.name FROM authors ORDER BY authors.id",
                BOOKS, BOOKS, BOOKS);
    }

    @Test
    void theSelectinEndpointReadsTheSameAuthorsWithinTheBudget() {
        List<AuthorView> page = client.get().uri("/api/authors?size=10").exchange()
                .expectStatus().isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Dtos.Page<AuthorView>>() { })
                .returnResult().getResponseBody().items();

        assertThat(page).extracting(AuthorView::name).containsExactly("Austen", "Eliot", "Woolf", "Tolstoy", "Nobody");
        assertThat(page).extracting(a -> a.books().size()).containsExactly(1, 1, 1, 1, 0);
        assertThat(log.entries()).filteredOn(e -> e.startsWith("SELECT")).hasSize(3);
    }

    @Test
    void theSameLoadsIssuedWithFlatMapAreCoalescedIntoOneSelectinWithinTheBudget() {
        List<AuthorView> authors = client.get().uri("/api/demo/coalesced").exchange()
                .expectStatus().isOk()
                .expectBodyList(AuthorView.class).returnResult().getResponseBody();

        assertThat(authors).extracting(AuthorView::name).containsExactly("Austen", "Eliot", "Woolf", "Tolstoy", "Nobody");
        assertThat(authors).extracting(a -> a.books().size()).containsExactly(1, 1, 1, 1, 0);
        // One query, then the five authors' books in one selectin statement (the N+1 endpoint sends 1 + 5).
        assertThat(log.entries()).containsExactly("SELECT authors.id, authors.name FROM authors ORDER BY authors.id",
                BOOKS);
    }

    @Test
    void eachRequestHasItsOwnBudget() {
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/authors?size=10").exchange().expectStatus().isOk();
        }
        client.get().uri("/api/demo/n-plus-one").exchange().expectStatus().isEqualTo(500);
        client.get().uri("/api/authors?size=10").exchange().expectStatus().isOk();
    }
}
