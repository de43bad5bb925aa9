package dev.braid.benchmarks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every workload once on tiny data, on H2, PostgreSQL and MariaDB: Braid's and the hand-written
 * checksums must match, and the statement counts are printed (they are quoted in the README).
 * Keeps the benchmarks from rotting between manual runs.
 */
class WorkloadSmokeTest {

    private final java.util.Map<String, Long> statements = new java.util.LinkedHashMap<>();

    private long counted(BenchDatabase db, String name, Supplier<Long> run) {
        long before = db.statements.get();
        long result = run.get();
        long sent = db.statements.get() - before;
        statements.put(name, sent);
        System.out.printf("%-12s %-28s %d statements%n", db.kind, name, sent);
        return result;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void braidAndTheBaselineComputeTheSameResults(String kind) {
        try (BenchDatabase db = new BenchDatabase(kind, 300, 200)) {
            BraidWorkloads braid = new BraidWorkloads(db.mapper);
            HandWrittenWorkloads hand = new HandWrittenWorkloads(db.pool, db.kind);
            assertThat(counted(db, "W1 braid", () -> braid.readAllBooks().block()))
                    .isEqualTo(counted(db, "W1 hand-written", () -> hand.readAllBooks().block()));
            assertThat(counted(db, "W2 braid", () -> braid.authorsWithBooks().block()))
                    .isEqualTo(counted(db, "W2 hand-written", () -> hand.authorsWithBooks().block()));
            assertThat(counted(db, "W3 braid", () -> braid.usersWithGroups().block()))
                    .isEqualTo(counted(db, "W3 hand-written", () -> hand.usersWithGroups().block()));
            assertThat(counted(db, "W4 braid", () -> braid.pageOfAuthors(101).block()))
                    .isEqualTo(counted(db, "W4 hand-written", () -> hand.pageOfAuthors(101).block()));
            // W7: 100 concurrent session.load calls over W4's page are coalesced into W4's selectin statements.
            assertThat(counted(db, "W7 braid coalesced loads", () -> braid.pageOfAuthorsLoadedOneByOne(101).block()))
                    .isEqualTo(hand.pageOfAuthors(101).block());
            assertThat(statements.get("W7 braid coalesced loads")).isEqualTo(statements.get("W4 braid"));
            // The read-only variants compute the same results.
            assertThat(counted(db, "W1 braid read-only", () -> braid.readAllBooks(true).block()))
                    .isEqualTo(hand.readAllBooks().block());
            assertThat(counted(db, "W2 braid read-only", () -> braid.authorsWithBooks(true).block()))
                    .isEqualTo(hand.authorsWithBooks().block());
            assertThat(counted(db, "W3 braid read-only", () -> braid.usersWithGroups(true).block()))
                    .isEqualTo(hand.usersWithGroups().block());
            assertThat(counted(db, "W4 braid read-only", () -> braid.pageOfAuthors(101, true).block()))
                    .isEqualTo(hand.pageOfAuthors(101).block());

            assertThat(counted(db, "W5 braid", () -> braid.insertAuthorsWithBooks(50, "w5 ").block())).isEqualTo(550);
            assertThat(db.single("SELECT COUNT(*) FROM books b JOIN authors a ON a.id = b.author_id WHERE a.name LIKE 'w5 %'"))
                    .isEqualTo(500);
            db.run("DELETE FROM books WHERE author_id > 300", "DELETE FROM authors WHERE id > 300");
            assertThat(counted(db, "W5 hand-written", () -> hand.insertAuthorsWithBooks(50, "w5 ").block())).isEqualTo(550);
            assertThat(db.single("SELECT COUNT(*) FROM books b JOIN authors a ON a.id = b.author_id WHERE a.name LIKE 'w5 %'"))
                    .isEqualTo(500);

            List<Long> ids = db.ids("SELECT id FROM authors WHERE id > 300");
            assertThat(counted(db, "W6 hand-written", () -> hand.deleteAuthors(ids).block())).isEqualTo(50);
            hand.insertAuthorsWithBooks(50, "w6 ").block();
            List<Long> again = db.ids("SELECT id FROM authors WHERE id > 300");
            assertThat(counted(db, "W6 braid", () -> braid.deleteAuthors(again).block())).isEqualTo(50);
            assertThat(db.single("SELECT COUNT(*) FROM authors")).isEqualTo(300);
            assertThat(db.single("SELECT COUNT(*) FROM books")).isEqualTo(3000);
            hand.insertAuthorsWithBooks(50, "w6 loaded ").block();
            List<Long> loaded = db.ids("SELECT id FROM authors WHERE id > 300");
            assertThat(counted(db, "W6 braid loaded", () -> braid.deleteAuthorsLoaded(loaded).block())).isEqualTo(50);
            assertThat(db.single("SELECT COUNT(*) FROM authors")).isEqualTo(300);
            hand.insertAuthorsWithBooks(50, "w6 read first ").block();
            List<Long> readFirst = db.ids("SELECT id FROM authors WHERE id > 300");
            assertThat(counted(db, "W6 braid read first", () -> braid.deleteAuthorsReadFirst(readFirst).block())).isEqualTo(50);
            assertThat(db.single("SELECT COUNT(*) FROM authors")).isEqualTo(300);
            assertThat(db.single("SELECT COUNT(*) FROM books")).isEqualTo(3000);
            hand.insertAuthorsWithBooks(50, "w6 bulk ").block();
            List<Long> third = db.ids("SELECT id FROM authors WHERE id > 300");
            assertThat(counted(db, "W6 braid bulk", () -> braid.deleteAuthorsBulk(third).block())).isEqualTo(50);
            assertThat(db.single("SELECT COUNT(*) FROM authors")).isEqualTo(300);
            assertThat(db.single("SELECT COUNT(*) FROM books")).isEqualTo(3000);
        }
        // 300 authors, 200 users: every selectin load fits one chunk (500 keys).
        java.util.Map<String, Long> expected = new java.util.LinkedHashMap<>();
        for (String w : List.of("W1 hand-written", "W1 braid", "W1 braid read-only")) expected.put(w, 1L);
        for (String w : List.of("W2", "W3", "W4")) {
            expected.put(w + " hand-written", 2L);
            expected.put(w + " braid", 2L); // the roots, then one selectin query
            expected.put(w + " braid read-only", 2L);
        }
        // PostgreSQL: keys allocated from each identity sequence, then one unnest INSERT per table;
        // H2 and MariaDB: one multi-row INSERT per table returning the keys.
        expected.put("W5 braid", kind.equals("postgresql") ? 4L : 2L);
        expected.put("W5 hand-written", 2L);
        expected.put("W6 hand-written", 2L);
        expected.put("W6 braid", 2L); // deleteByKeys: the books by the authors' keys, the authors
        expected.put("W6 braid read first", 3L); // the authors, their books by the authors' keys, the authors
        expected.put("W6 braid loaded", 4L); // the authors, their books, the books by id, the authors
        expected.put("W6 braid bulk", 2L);
        expected.put("W7 braid coalesced loads", 2L); // the page, then its 100 loads as one selectin query
        assertThat(statements).containsExactlyInAnyOrderEntriesOf(expected);
    }

    /**
     * MariaDB with more keys than one IN list or multi-row INSERT takes (1,000): results still equal, and
     * Braid sends as many statements as the hand-written baseline.
     */
    @org.junit.jupiter.api.Test
    void onMariaDbKeyListsAndInsertsAreChunkedAsByHand() {
        try (BenchDatabase db = new BenchDatabase("mariadb", 2500, 2500)) {
            BraidWorkloads braid = new BraidWorkloads(db.mapper);
            HandWrittenWorkloads hand = new HandWrittenWorkloads(db.pool, db.kind);
            assertThat(counted(db, "W2 braid", () -> braid.authorsWithBooks().block()))
                    .isEqualTo(counted(db, "W2 hand-written", () -> hand.authorsWithBooks().block()));
            assertThat(counted(db, "W3 braid", () -> braid.usersWithGroups().block()))
                    .isEqualTo(counted(db, "W3 hand-written", () -> hand.usersWithGroups().block()));
            assertThat(counted(db, "W5 hand-written", () -> hand.insertAuthorsWithBooks(1500, "w5 ").block())).isEqualTo(16_500);
            List<Long> ids = db.ids("SELECT id FROM authors WHERE id > 2500");
            assertThat(counted(db, "W6 hand-written", () -> hand.deleteAuthors(ids).block())).isEqualTo(1500);
            assertThat(counted(db, "W5 braid", () -> braid.insertAuthorsWithBooks(1500, "w5 ").block())).isEqualTo(16_500);
            assertThat(db.single("SELECT COUNT(*) FROM books b JOIN authors a ON a.id = b.author_id WHERE a.name LIKE 'w5 %'"))
                    .isEqualTo(15_000);
            List<Long> again = db.ids("SELECT id FROM authors WHERE id > 2500");
            assertThat(counted(db, "W6 braid", () -> braid.deleteAuthors(again).block())).isEqualTo(1500);
            assertThat(db.single("SELECT COUNT(*) FROM authors")).isEqualTo(2500);
            assertThat(db.single("SELECT COUNT(*) FROM books")).isEqualTo(25_000);
        }
        // The roots, then one query per 1,000 keys; authors then books, 1,000 rows an INSERT; books then authors,
        // 1,000 keys a DELETE.
        assertThat(statements).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "W2 hand-written", 4L, "W2 braid", 4L, "W3 hand-written", 4L, "W3 braid", 4L,
                "W5 hand-written", 2L + 15L, "W5 braid", 2L + 15L, "W6 hand-written", 2L + 2L, "W6 braid", 2L + 2L));
    }
}
