package dev.braid.examples;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed scenarios print what the seed texts describe, and leave the databases in the state they say; on one
 * database (see the subclasses), each scenario in a database of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SeedScenariosExampleContract {
    private String out;

    /** Runs {@link SeedScenariosExample#run} on the subclass's database. */
    abstract void runScenarios() throws Exception;

    /** Every row of {@code sql} in the database the scenario ({@code "blog"}, ...) used, read directly. */
    abstract List<List<Object>> rows(String scenario, String sql);

    /** {@code sql}, written with $n markers, in the driver's markers. */
    abstract String markers(String sql);

    /** The table name {@code groups} (a reserved word) quoted. */
    abstract String groups();

    /** How the selectin load of the users' posts reads them (one statement, the users' keys bound). */
    abstract String selectinPosts();

    /** How the upsert of the groups admin and staff begins. */
    abstract String groupsUpsert();

    @BeforeAll
    void runTheScenarios() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            runScenarios();
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
                .contains(selectinPosts(), "-> 2 statements", "posts: [Hello, Braid, Streams]");
        assertThat(section("joinedload(User.posts)", "3. delete-orphan"))
                .contains("LEFT OUTER JOIN posts ON posts.user_id = users.id", "-> 1 statement\n");
        assertThat(section("3. delete-orphan", "4. Many-to-many"))
                .contains(markers("DELETE FROM posts WHERE id = $1"), "posts left: [Hello, Braid]");
    }

    @Test
    void manyToManyWritesLinkRowsAndJoinsThroughThem() {
        assertThat(section("4. Many-to-many", "5. Queries"))
                .contains(markers("INSERT INTO user_group_association (user_id, group_id) VALUES ($1, $2)"),
                        "admin.users contains alice before the flush: true",
                        groupsUpsert(),
                        "groups [Group(admin), Group(staff)], ids [1, 2], link row inserted: false");
        assertThat(rows("blog", "SELECT COUNT(*) FROM " + groups())).containsExactly(List.of(2L));
        assertThat(out).contains("groups of alice: [admin, staff]", "members of admin: [alice]",
                "alice.groups = [Group(admin), Group(staff)]");
        assertThat(section("6. Deleting johndoe", "=== Seed 000, association object"))
                .contains(markers("DELETE FROM user_group_association WHERE user_id = $1"), markers("DELETE FROM posts WHERE id = $1"),
                        markers("DELETE FROM users WHERE id = $1"),
                        "users left: [alice, bob], posts left: 0, members of staff: [alice, bob]");
        assertThat(rows("blog", "SELECT username FROM users ORDER BY username"))
                .containsExactly(List.of("alice"), List.of("bob"));
        assertThat(rows("blog", "SELECT COUNT(*) FROM posts")).containsExactly(List.of(0L));
        assertThat(rows("blog", "SELECT u.username, g.name FROM user_group_association l JOIN users u ON u.id = l.user_id"
                + " JOIN " + groups() + " g ON g.id = l.group_id ORDER BY u.username, g.name"))
                .containsExactly(List.of("alice", "admin"), List.of("alice", "staff"), List.of("bob", "staff"));
    }

    @Test
    void associationObjectKeepsJoinedOn() {
        assertThat(out).containsPattern("Group: admin, Joined on: \\d{4}-\\d\\d-\\d\\dT")
                .containsPattern("Group: staff, Joined on: \\d{4}-\\d\\d-\\d\\dT");
        assertThat(section("2. for assoc in alice.user_groups", "=== Seed 001")).contains("-> 3 statements");
        List<List<Object>> links = rows("association", "SELECT g.name, l.joined_on FROM user_group_association l"
                + " JOIN " + groups() + " g ON g.id = l.group_id ORDER BY g.name");
        assertThat(links).extracting(row -> row.get(0)).containsExactly("admin", "staff");
        assertThat(links).allSatisfy(row -> assertThat(row.get(1)).isNotNull());
    }

    @Test
    void companyChildAddedByKeyAppearsAndReplacingTheCollectionDeletesTheOrphans() {
        assertThat(out).contains("Company 1 has the following employees:\n   - Magnus\n   - John\n   - Lisa\n");
        assertThat(out).contains("Company 1 has 3 employees (before the flush)", "Company 1 has 4 employees (after the flush)");
        assertThat(section("4. The ruthless manager", "=== Seed 002"))
                .contains(markers("DELETE FROM employees WHERE id IN ($1, $2, $3, $4)"), "-> 3 statements", "employees rows left: 0, companies: 1");
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
                .contains(markers("DELETE FROM books WHERE id IN ($1, $2)"), markers("DELETE FROM authors WHERE id = $1"),
                        "go by their author's key", markers("DELETE FROM books WHERE author_id IN ($1)"),
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
}
