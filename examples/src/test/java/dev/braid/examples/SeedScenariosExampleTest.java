package dev.braid.examples;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed scenarios print what the seed texts describe, and leave the databases in the state they say. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedScenariosExampleTest {
    private static final String PREFIX = "seed_scenarios_test";
    private String out;

    @BeforeAll
    void runTheScenarios() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SeedScenariosExample.run(PREFIX);
        } finally {
            System.setOut(original);
        }
        out = captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void blogPostsFollowTheirAuthorAndSelectinCostsTwoStatementsJoinedOne() {
        assertThat(out).contains("john.posts = [Post(Hello, Braid), Post(Streams)], hello.author = User(johndoe),"
                + " streams.author = User(johndoe)");
        assertThat(out).contains("post.user_id = 1, 1 (john.id = 1)");
        assertThat(out).contains("[BRAID_NOT_LOADED] User.posts is not loaded");
        assertThat(section("selectinload(User.posts)", "joinedload(User.posts)"))
                .contains("FROM TABLE(k bigint = $1) braid_keys JOIN posts ON posts.user_id = braid_keys.k", "-> 2 statements", "posts: [Hello, Braid, Streams]");
        assertThat(section("joinedload(User.posts)", "3. delete-orphan"))
                .contains("LEFT OUTER JOIN posts ON posts.user_id = users.id", "-> 1 statement\n");
        assertThat(section("3. delete-orphan", "4. Many-to-many"))
                .contains("DELETE FROM posts WHERE id = $1", "posts left: [Hello, Braid]");
    }

    @Test
    void manyToManyWritesLinkRowsAndJoinsThroughThem() {
        assertThat(section("4. Many-to-many", "5. Queries"))
                .contains("INSERT INTO user_group_association (user_id, group_id) VALUES ($1, $2)",
                        "admin.users contains alice before the flush: true",
                        "MERGE INTO \"groups\" USING (VALUES ($1), ($2))",
                        "groups [Group(admin), Group(staff)], ids [1, 2], link row inserted: false");
        assertThat(rows("blog", "SELECT COUNT(*) FROM \"groups\"")).containsExactly(List.of(2L));
        assertThat(out).contains("groups of alice: [admin, staff]", "members of admin: [alice]",
                "alice.groups = [Group(admin), Group(staff)]");
        assertThat(section("6. Deleting johndoe", "=== Seed 000, association object"))
                .contains("DELETE FROM user_group_association WHERE user_id = $1", "DELETE FROM posts WHERE id = $1",
                        "DELETE FROM users WHERE id = $1",
                        "users left: [alice, bob], posts left: 0, members of staff: [alice, bob]");
        assertThat(rows("blog", "SELECT username FROM users ORDER BY username"))
                .containsExactly(List.of("alice"), List.of("bob"));
        assertThat(rows("blog", "SELECT COUNT(*) FROM posts")).containsExactly(List.of(0L));
        assertThat(rows("blog", "SELECT u.username, g.name FROM user_group_association l JOIN users u ON u.id = l.user_id"
                + " JOIN \"groups\" g ON g.id = l.group_id ORDER BY u.username, g.name"))
                .containsExactly(List.of("alice", "admin"), List.of("alice", "staff"), List.of("bob", "staff"));
    }

    @Test
    void associationObjectKeepsJoinedOn() {
        assertThat(out).containsPattern("Group: admin, Joined on: \\d{4}-\\d\\d-\\d\\dT")
                .containsPattern("Group: staff, Joined on: \\d{4}-\\d\\d-\\d\\dT");
        assertThat(section("2. for assoc in alice.user_groups", "=== Seed 001")).contains("-> 3 statements");
        List<List<Object>> links = rows("association", "SELECT g.name, l.joined_on FROM user_group_association l"
                + " JOIN \"groups\" g ON g.id = l.group_id ORDER BY g.name");
        assertThat(links).extracting(row -> row.get(0)).containsExactly("admin", "staff");
        assertThat(links).allSatisfy(row -> assertThat(row.get(1)).isNotNull());
    }

    @Test
    void companyChildAddedByKeyAppearsAndReplacingTheCollectionDeletesTheOrphans() {
        assertThat(out).contains("Company 1 has the following employees:\n   - Magnus\n   - John\n   - Lisa\n");
        assertThat(out).contains("Company 1 has 3 employees (before the flush)", "Company 1 has 4 employees (after the flush)");
        assertThat(section("4. The ruthless manager", "=== Seed 002"))
                .contains("DELETE FROM employees WHERE id IN ($1, $2, $3, $4)", "-> 3 statements", "employees rows left: 0, companies: 1");
        assertThat(rows("company", "SELECT COUNT(*) FROM employees")).containsExactly(List.of(0L));
        assertThat(rows("company", "SELECT name FROM companies")).containsExactly(List.of("Acme"));
    }

    @Test
    void libraryAssigningTheAuthorSetsTheKeyAndLoadingStrategiesShowTheirCounts() {
        assertThat(out).contains("author.books = [Pride and Prejudice, Emma]",
                "book1.author_id = 1, austen.id = 1: assigning the author object set the key",
                "book1.author.name = Jane Austen");
        assertThat(out).contains("books whose author's name starts with 'Leo' (EXISTS): [War and Peace, Anna Karenina]");
        String strategies = section("3. Loading strategies", "4. Cascade delete");
        assertThat(strategies).contains("BRAID_NOT_LOADED for Jane Austen.books");
        assertThat(section("   selectin:", "   joined:")).contains("-> 2 statements",
                "Jane Austen: [Pride and Prejudice, Emma]; Leo Tolstoy: [War and Peace, Anna Karenina]; Nobody: []");
        assertThat(section("   joined:", "4. Cascade delete")).contains("-> 1 statement\n",
                "Jane Austen: [Pride and Prejudice, Emma]; Leo Tolstoy: [War and Peace, Anna Karenina]; Nobody: []");
        assertThat(section("4. Cascade delete", "All seed scenarios ran"))
                .contains("DELETE FROM books WHERE id IN ($1, $2)", "DELETE FROM authors WHERE id = $1",
                        "go by their author's key", "DELETE FROM books WHERE author_id IN ($1)",
                        "authors left: [Jane Austen, Nobody], books left: [Pride and Prejudice, Emma]");
        assertThat(section("go by their author's key", "authors left"))
                .as("the unloaded books are not read: the author's SELECT, then two DELETEs")
                .contains("-> 3 statements").doesNotContain("FROM books WHERE books.author_id");
        assertThat(rows("library", "SELECT b.title, a.name FROM books b JOIN authors a ON a.id = b.author_id ORDER BY b.id"))
                .containsExactly(List.of("Pride and Prejudice", "Jane Austen"), List.of("Emma", "Jane Austen"));
        assertThat(rows("library", "SELECT name FROM authors ORDER BY id"))
                .containsExactly(List.of("Jane Austen"), List.of("Nobody"));
    }

    /** The output between the first occurrence of {@code from} and the next occurrence of {@code to}. */
    private String section(String from, String to) {
        int start = out.indexOf(from);
        assertThat(start).as("'%s' in the output", from).isGreaterThanOrEqualTo(0);
        int end = out.indexOf(to, start + from.length());
        assertThat(end).as("'%s' after '%s' in the output", to, from).isGreaterThan(start);
        return out.substring(start, end);
    }

    /** Reads the scenario's H2 database directly (it lives until the JVM exits), not through Braid. */
    private static List<List<Object>> rows(String scenario, String sql) {
        String url = "r2dbc:h2:mem:///" + PREFIX + "_" + scenario + ";DB_CLOSE_DELAY=-1";
        return Flux.usingWhen(ConnectionFactories.get(url).create(),
                        (Connection c) -> Flux.from(c.createStatement(sql).execute())
                                .concatMap(result -> result.map((row, meta) -> {
                                    List<Object> values = new ArrayList<>();
                                    for (int i = 0; i < meta.getColumnMetadatas().size(); i++) {
                                        Object value = row.get(i);
                                        values.add(value instanceof Number n && !(value instanceof Long) ? n.longValue() : value);
                                    }
                                    return values;
                                })),
                        Connection::close)
                .collectList()
                .block(Duration.ofSeconds(30));
    }
}
