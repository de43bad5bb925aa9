package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.query.Attribute;
import dev.braid.query.Predicate;
import dev.braid.query.Updates;
import dev.braid.reactive.model.Account;
import dev.braid.reactive.model.Account_;
import dev.braid.reactive.model.Author;
import dev.braid.reactive.model.Author_;
import dev.braid.testkit.RecordingListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code select(...).where(...).update(Updates.set(...), ...)}: one UPDATE, no loading; held objects take
 * the new values (returned by the statement) so no UPDATE of them follows; versions incremented; bad
 * assignments refused before anything is sent.
 */
abstract class BulkUpdateContract extends MapperTestBase {

    @BeforeEach
    void seed() {
        mapper.inTransaction(s -> s.addAll(List.of(new Author("Jane Austen", 1775), new Author("Leo Tolstoy", 1828),
                new Author("Fyodor Dostoevsky", 1821), new Author("Anonymous", null),
                new Account("A-1", "a1@example.com", new BigDecimal("10.00")),
                new Account("A-2", "a2@example.com", new BigDecimal("20.00"))))).blockLast(TIMEOUT);
        recorder().clear();
    }

    /** The UPDATE a session holding objects of the entity sends: it returns the updated rows' keys and new values. */
    private String returning(String update, String columns) {
        return postgres() ? update + " RETURNING " + columns : "SELECT " + columns + " FROM FINAL TABLE (" + update + ")";
    }

    /**
     * The statements a session holding objects of the entity sends for {@code UPDATE table SET set WHERE filter}:
     * on PostgreSQL and H2 one UPDATE returning the rows' keys and new values; on MariaDB, whose UPDATE returns
     * nothing, the matching keys locked and read first, the UPDATE of exactly those keys, then their new values
     * read back. Markers are written {@code ?} here and numbered per statement.
     */
    private List<String> heldUpdate(String table, String set, String filter, String key, String columns, int rows) {
        if (!mariadb()) return List.of(numbered(returning("UPDATE " + table + " SET " + set + " WHERE " + filter, columns)));
        String keys = table + "." + key + " IN (" + String.join(", ", java.util.Collections.nCopies(rows, "?")) + ")";
        String qualified = String.join(", ", java.util.Arrays.stream(columns.split(", ")).map(c -> table + "." + c).toList());
        return List.of(numbered("SELECT " + table + "." + key + " FROM " + table + " WHERE " + filter + " FOR UPDATE"),
                numbered("UPDATE " + table + " SET " + set + " WHERE " + keys),
                numbered("SELECT " + qualified + " FROM " + table + " WHERE " + keys));
    }

    /** {@code ?} markers as the recorder numbers them ({@code $1}, {@code $2}, ...). */
    private static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') out.append('$').append(++n);
            else out.append(c);
        }
        return out.toString();
    }

    private static Consumer<Throwable> query(String... parts) {
        return e -> {
            assertThat(e).isInstanceOf(MapperException.class);
            assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_QUERY);
            for (String part : parts) assertThat(e).hasMessageContaining(part);
        };
    }

    @Test
    void updatesTheMatchingRowsWithOneStatementWithoutLoadingThem() {
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Author.class).where(Author_.born.gt(1800))
                        .update(Updates.set(Author_.name, "Russian"), Updates.increment(Author_.born, 100))))
                .expectNext(2L)
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                "UPDATE authors SET name = $1, born = born + $2 WHERE authors.born > $3");
        assertThat(rows("SELECT name, born FROM authors ORDER BY id")).containsExactly(List.of("Jane Austen", 1775),
                List.of("Russian", 1928), List.of("Russian", 1921), java.util.Arrays.asList("Anonymous", null));
    }

    @Test
    void heldObjectsTakeTheNewValuesAndNoUpdateOfThemFollows() {
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Author.class).orderBy(Author_.id.asc()).all().collectList()
                        .flatMap(authors -> s.select(Author.class).where(Author_.born.lt(1825))
                                .update(Updates.increment(Author_.born, 1), Updates.set(Author_.name, "Early"))
                                .map(count -> {
                                    assertThat(count).isEqualTo(2);
                                    return authors.stream().map(a -> a.getName() + " " + a.getBorn()).toList();
                                }))))
                .expectNext(List.of("Early 1776", "Leo Tolstoy 1828", "Early 1822", "Anonymous null"))
                .verifyComplete();
        List<String> statements = recorder().statements();
        // The SELECT and the UPDATE (on MariaDB: lock, UPDATE, re-read): nothing is flushed at the end.
        assertThat(statements.subList(1, statements.size())).containsExactlyElementsOf(heldUpdate("authors",
                "born = born + ?, name = ?", "authors.born < ?", "id", "id, born, name", 2));
        assertThat(rows("SELECT name, born FROM authors WHERE born < 1825 ORDER BY id"))
                .containsExactly(List.of("Early", 1776), List.of("Early", 1822));
    }

    @Test
    void versionsAreIncrementedInTheDatabaseAndInMemorySoLaterWritesPassTheirCheck() {
        java.util.concurrent.atomic.AtomicLong versionBefore = new java.util.concurrent.atomic.AtomicLong();
        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Account.class, "A-1").flatMap(account -> {
                    long before = account.getVersion();
                    return s.select(Account.class).where(Account_.balance.lt(new BigDecimal("15")))
                            .update(Updates.set(Account_.balance, new BigDecimal("12.345")))
                            .map(count -> {
                                assertThat(count).isEqualTo(1);
                                assertThat(account.getVersion()).isEqualTo(before + 1);
                                // What the column stored (scale 2), not what was sent.
                                assertThat(account.getBalance()).isEqualByComparingTo("12.35");
                                account.setBalance(new BigDecimal("13.00")); // a later UPDATE checks the new version
                                return before;
                            });
                })))
                .assertNext(versionBefore::set)
                .verifyComplete();
        List<Object> row = rows("SELECT balance, version FROM accounts WHERE code = 'A-1'").get(0);
        assertThat((BigDecimal) row.get(0)).isEqualByComparingTo("13.00");
        assertThat(((Number) row.get(1)).longValue()).isEqualTo(versionBefore.get() + 2);
        List<String> statements = recorder().statements();
        List<String> update = heldUpdate("accounts", "balance = ?, version = version + 1", "accounts.balance < ?", "code",
                "code, balance, version", 1);
        assertThat(statements.subList(1, 1 + update.size())).containsExactlyElementsOf(update);
        assertThat(statements.get(1 + update.size()))
                .startsWith("UPDATE accounts SET balance = $1, version = $2 WHERE code = $3 AND version = $4");
        // The other account did not match: its version is where the insert left it.
        assertThat(((Number) rows("SELECT version FROM accounts WHERE code = 'A-2'").get(0).get(0)).longValue())
                .isEqualTo(versionBefore.get());
    }

    @Test
    void pendingChangesAreFlushedFirst() {
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Author.class).where(Author_.name.eq("Anonymous")).one()
                        .flatMap(anonymous -> {
                            anonymous.setName("Homer");
                            return s.select(Author.class).where(Author_.name.eq("Homer"))
                                    .update(Updates.set(Author_.born, -800))
                                    .map(count -> count + " " + anonymous.getBorn());
                        })))
                .expectNext("1 -800")
                .verifyComplete();
        List<String> statements = recorder().statements();
        assertThat(statements.get(1)).isEqualTo("UPDATE authors SET name = $1 WHERE id = $2");
        assertThat(statements.subList(2, statements.size())).containsExactlyElementsOf(
                heldUpdate("authors", "born = ?", "authors.name = ?", "id", "id, born", 1));
        assertThat(rows("SELECT born FROM authors WHERE name = 'Homer'")).containsExactly(List.of(-800));
    }

    @Test
    void aRollbackGivesHeldObjectsTheirOldValuesBack() {
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Author.class).where(Author_.name.eq("Leo Tolstoy")).one()
                        .flatMap(tolstoy -> s.select(Author.class).where(Author_.id.eq(tolstoy.getId()))
                                .update(Updates.set(Author_.name, "Lev"))
                                .then(Mono.fromSupplier(tolstoy::getName))
                                .flatMap(afterUpdate -> s.rollback().then(Mono.fromSupplier(() -> afterUpdate + " -> " + tolstoy.getName()))))))
                .expectNext("Lev -> Leo Tolstoy")
                .verifyComplete();
        assertThat(rows("SELECT count(*) FROM authors WHERE name = 'Leo Tolstoy'").get(0).get(0)).isEqualTo(1L);
    }

    @Test
    void badAssignmentsFailBeforeAnythingIsSent() {
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).update(Updates.set(Author_.name, "x"))))
                .expectErrorSatisfies(query("without where(...) would update every row of authors", "where(Predicate.and())"))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).where(Author_.id.gt(0L))
                        .update(Updates.set(Author_.id, 5L))))
                .expectErrorSatisfies(query("sets Author.id, part of the key"))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Account.class).where(Account_.code.eq("A-1"))
                        .update(Updates.set(Account_.version, 9L))))
                .expectErrorSatisfies(query("sets Account.version, the version column"))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).where(Author_.id.gt(0L))
                        .update(Updates.set(Attribute.of(Author.class, "books", Object.class), null))))
                .expectErrorSatisfies(query("Author.books, which is not a mapped attribute", "[id, name, born]"))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).where(Author_.id.gt(0L))
                        .update(Updates.set(Author_.name, null))))
                .expectErrorSatisfies(query("sets Author.name to null, but its column name is NOT NULL"))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).where(Author_.id.gt(0L)).limit(1)
                        .update(Updates.set(Author_.born, 1))))
                .expectErrorSatisfies(query("takes a filter only"))
                .verify(TIMEOUT);
        assertThat(recorder().statements()).isEmpty();
        assertThat(count("authors")).isEqualTo(4);
    }

    @Test
    void everyRowOnPurposeAndValuesBoundNeverSpliced() {
        String hostile = "x'; DROP TABLE books; --";
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).where(Predicate.and())
                        .update(Updates.set(Author_.name, hostile))))
                .expectNext(4L)
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly("UPDATE authors SET name = $1 WHERE 1 = 1");
        assertThat(rows("SELECT DISTINCT name FROM authors")).containsExactly(List.of(hostile));
    }

    @Test
    void updateSqlShowsTheStatementWithoutAConnectionAndListenersSeeItsOrigin() {
        mapper.withSession(s -> {
            assertThat(s.select(Author.class).where(Author_.name.startsWith("J")).updateSql(Updates.setNull(Author_.born)).sql())
                    .isEqualTo(escaped(sql("UPDATE authors SET born = $1 WHERE authors.name LIKE $2 ESCAPE '\\'")));
            return Mono.empty();
        }).blockLast(TIMEOUT);
        assertThat(recorder().statements()).isEmpty();
        RecordingListener recording = new RecordingListener();
        Mapper listened = Mapper.builder(pool(), registry()).listener(recording).build();
        listened.withSessionMono(s -> s.select(Author.class).where(Author_.born.isNull())
                .update(Updates.set(Author_.born, 0))).block(TIMEOUT);
        assertThat(recording.issuers()).containsExactly("BULK_UPDATE Author");
        assertThat(recording.events().get(0).rows()).isEqualTo(1);
    }

    @Test
    void heldObjectsTakeTheNewValuesOutsideATransactionToo() {
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).orderBy(Author_.id.asc()).all().collectList()
                        .flatMap(authors -> s.select(Author.class).where(Author_.born.gt(1800))
                                .update(Updates.increment(Author_.born, -1))
                                .map(count -> count + " " + authors.stream().map(a -> a.getName() + " " + a.getBorn()).toList()))))
                .expectNext("2 [Jane Austen 1775, Leo Tolstoy 1827, Fyodor Dostoevsky 1820, Anonymous null]")
                .verifyComplete();
        List<String> statements = recorder().statements();
        assertThat(statements.subList(1, statements.size())).containsExactlyElementsOf(
                heldUpdate("authors", "born = born + ?", "authors.born > ?", "id", "id, born", 2));
        // Committed: another connection sees the new values. MariaDB's three statements ran in one transaction of
        // their own; elsewhere the one UPDATE ran in autocommit.
        assertThat(rows("SELECT born FROM authors WHERE born > 1800 ORDER BY id")).containsExactly(List.of(1827), List.of(1820));
        assertThat(recorder().transactionEvents()).containsExactlyElementsOf(mariadb() ? List.of("begin", "commit") : List.of());
    }

    @Test
    void aFailingUpdateOutsideATransactionLeavesTheHeldObjectsAndTheRowsAsTheyWere() {
        String tooLong = "x".repeat(101); // name is varchar(100): the database refuses the UPDATE
        List<String> names = new java.util.ArrayList<>();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).orderBy(Author_.id.asc()).all().collectList()
                        .flatMap(authors -> s.select(Author.class).where(Author_.born.gt(1800))
                                .update(Updates.set(Author_.name, tooLong), Updates.increment(Author_.born, 1))
                                .doOnError(e -> authors.forEach(a -> names.add(a.getName() + " " + a.getBorn()))))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(dev.braid.error.DatabaseException.class))
                .verify(TIMEOUT);
        assertThat(names).containsExactly("Jane Austen 1775", "Leo Tolstoy 1828", "Fyodor Dostoevsky 1821", "Anonymous null");
        assertThat(rows("SELECT name, born FROM authors WHERE born > 1800 ORDER BY id"))
                .containsExactly(List.of("Leo Tolstoy", 1828), List.of("Fyodor Dostoevsky", 1821));
        // MariaDB: the lock and the failed UPDATE were rolled back together; no re-read was sent.
        assertThat(recorder().transactionEvents()).containsExactlyElementsOf(mariadb() ? List.of("begin", "rollback") : List.of());
        List<String> statements = recorder().statements();
        List<String> update = heldUpdate("authors", "name = ?, born = born + ?", "authors.born > ?", "id", "id, name, born", 2);
        assertThat(statements.subList(1, statements.size())).containsExactlyElementsOf(update.subList(0, mariadb() ? 2 : 1));
    }

    @Test
    void heldObjectsAndNoMatchingRowUpdateNothing() {
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Author.class).all().collectList()
                        .flatMap(authors -> s.select(Author.class).where(Author_.born.gt(3000))
                                .update(Updates.set(Author_.name, "Nobody")))))
                .expectNext(0L)
                .verifyComplete();
        List<String> statements = recorder().statements();
        // MariaDB: the lock finds no key, so no UPDATE and no re-read follow.
        assertThat(statements.subList(1, statements.size())).containsExactly(mariadb()
                ? "SELECT authors.id FROM authors WHERE authors.born > $1 FOR UPDATE"
                : numbered(returning("UPDATE authors SET name = ? WHERE authors.born > ?", "id, name")));
        assertThat(rows("SELECT count(*) FROM authors WHERE name = 'Nobody'").get(0).get(0)).isEqualTo(0L);
    }
}
