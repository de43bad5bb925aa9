package dev.braid.reactive;

import dev.braid.error.ConstraintViolationException;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.error.StaleDataException;
import dev.braid.reactive.model.Account;
import dev.braid.reactive.model.Author;
import dev.braid.reactive.model.AuthorView;
import dev.braid.reactive.model.Book;
import dev.braid.reactive.model.Membership;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Insert, get, update, delete of single entities, the identity map, transactions and errors. */
abstract class CrudContract extends MapperTestBase {

    @Test
    void insertSetsGeneratedIdAndSendsOneInsertInOneTransaction() {
        Author austen = new Author("Jane Austen", 1775);
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(austen)))
                .expectNext(austen)
                .verifyComplete();

        assertThat(austen.getId()).isNotNull().isPositive();
        assertThat(recorder().statements()).containsExactly(insertReturningId("authors", "name, born", "$1, $2"));
        assertThat(recorder().transactionEvents()).containsExactly("begin", "commit");
        assertThat(rows("SELECT id, name, born FROM authors"))
                .containsExactly(List.of(austen.getId(), "Jane Austen", 1775));
    }

    @Test
    void flushMakesGeneratedIdsVisibleInsideTheTransaction() {
        StepVerifier.create(mapper.inTransactionMono(s -> {
                    Author author = new Author("Tolstoy", 1828);
                    return s.add(author).then(s.flush()).then(Mono.fromCallable(() -> {
                        Book book = new Book("War and Peace", author.getId());
                        return book;
                    })).flatMap(s::add);
                }))
                .assertNext(book -> assertThat(book.getId()).isNotNull())
                .verifyComplete();
        assertThat(rows("SELECT b.title, a.name FROM books b JOIN authors a ON a.id = b.author_id"))
                .containsExactly(List.of("War and Peace", "Tolstoy"));
        assertThat(recorder().statements()).containsExactly(
                insertReturningId("authors", "name, born", "$1, $2"),
                insertReturningId("books", "title, author_id", "$1, $2"));
    }

    @Test
    void identityMapReturnsTheSameObjectAndGetSkipsSqlForHeldRows() {
        Long id = seedAuthor("Austen", 1775);
        recorder().clear();
        StepVerifier.create(mapper.withSessionMono(s -> s.get(Author.class, id)
                        .flatMap(first -> s.get(Author.class, id).map(second -> List.of(first, second)))
                        .flatMap(pair -> s.select(Author.class).one().map(third -> List.of(pair.get(0), pair.get(1), third)))))
                .assertNext(objects -> {
                    assertThat(objects.get(0)).isSameAs(objects.get(1)).isSameAs(objects.get(2));
                    assertThat(((Author) objects.get(0)).getName()).isEqualTo("Austen");
                })
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                "SELECT authors.id, authors.name, authors.born FROM authors WHERE authors.id = $1",
                "SELECT authors.id, authors.name, authors.born FROM authors LIMIT $1");
    }

    @Test
    void getOfMissingRowIsEmpty() {
        StepVerifier.create(mapper.withSessionMono(s -> s.get(Author.class, 424242L))).verifyComplete();
    }

    @Test
    void getWithWrongIdTypeSaysWhichTypeToPass() {
        StepVerifier.create(mapper.withSessionMono(s -> s.get(Author.class, 1)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MapperException.class)
                        .hasMessageContaining("Author.id is Long but the id given is Integer 1"))
                .verify();
    }

    @Test
    void updateSendsOnlyChangedColumns() {
        Long id = seedAuthor("Austen", 1775);
        recorder().clear();
        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Author.class, id).doOnNext(a -> a.setBorn(1776))))
                .expectNextCount(1).verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                "SELECT authors.id, authors.name, authors.born FROM authors WHERE authors.id = $1",
                "UPDATE authors SET born = $1 WHERE id = $2");
        assertThat(rows("SELECT name, born FROM authors")).containsExactly(List.of("Austen", 1776));
    }

    @Test
    void unchangedEntitySendsNothingOnFlush() {
        Long id = seedAuthor("Austen", 1775);
        recorder().clear();
        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Author.class, id)
                        .doOnNext(a -> a.setName("Austen")) // same value: not a change
                        .flatMap(a -> s.flush().thenReturn(a))))
                .expectNextCount(1).verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                "SELECT authors.id, authors.name, authors.born FROM authors WHERE authors.id = $1");
    }

    @Test
    void deleteRemovesTheRow() {
        Long id = seedAuthor("Austen", 1775);
        recorder().clear();
        StepVerifier.create(mapper.inTransaction(s -> s.get(Author.class, id).flatMap(s::delete)))
                .verifyComplete();
        assertThat(recorder().statements()).endsWith("DELETE FROM authors WHERE id = $1");
        assertThat(count("authors")).isZero();
    }

    @Test
    void deletingAPendingObjectSendsNothing() {
        StepVerifier.create(mapper.inTransaction(s -> {
            Author author = new Author("Ghost", null);
            return s.add(author).then(s.delete(author));
        })).verifyComplete();
        assertThat(recorder().statements()).isEmpty();
        assertThat(count("authors")).isZero();
    }

    @Test
    void versionColumnStartsAtOneAndIncrementsOnUpdate() {
        Account account = new Account("acc-1", "a@example.com", new BigDecimal("10.00"));
        mapper.inTransactionMono(s -> s.add(account)).block(TIMEOUT);
        assertThat(account.getVersion()).isEqualTo(1L);
        recorder().clear();

        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Account.class, "acc-1")
                        .doOnNext(a -> a.setBalance(new BigDecimal("12.50")))))
                .assertNext(a -> assertThat(a.getVersion()).isEqualTo(2L))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                "SELECT accounts.code, accounts.email, accounts.balance, accounts.version FROM accounts WHERE accounts.code = $1",
                "UPDATE accounts SET balance = $1, version = $2 WHERE code = $3 AND version = $4");
        assertThat(rows("SELECT balance, version FROM accounts"))
                .containsExactly(List.of(new BigDecimal("12.50"), 2L));
    }

    @Test
    void decimalWithOtherScaleIsNotAChange() {
        mapper.inTransactionMono(s -> s.add(new Account("acc-1", "a@example.com", new BigDecimal("10.00")))).block(TIMEOUT);
        recorder().clear();
        mapper.inTransactionMono(s -> s.get(Account.class, "acc-1").doOnNext(a -> a.setBalance(new BigDecimal("10"))))
                .block(TIMEOUT);
        assertThat(recorder().statements()).hasSize(1);
    }

    @Test
    void concurrentUpdateOfAVersionedRowFailsWithStaleDataAndRollsBack() {
        mapper.inTransactionMono(s -> s.add(new Account("acc-1", "a@example.com", new BigDecimal("10.00")))).block(TIMEOUT);
        recorder().clear();
        // The first transaction reads, then a second one commits a change, then the first writes.
        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Account.class, "acc-1")
                        .flatMap(stale -> mapper.independent().inTransactionMono(other -> other.get(Account.class, "acc-1")
                                        .doOnNext(fresh -> fresh.setBalance(new BigDecimal("99.00"))))
                                .thenReturn(stale))
                        .doOnNext(stale -> stale.setBalance(new BigDecimal("1.00")))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(StaleDataException.class)
                        .hasMessageContaining("UPDATE of Account[acc-1] expected to affect 1 row but affected 0")
                        .hasMessageContaining("its version no longer matches"))
                .verify(TIMEOUT);
        assertThat(rows("SELECT balance, version FROM accounts")).containsExactly(List.of(new BigDecimal("99.00"), 2L));
        assertThat(recorder().transactionEvents()).containsExactly("begin", "begin", "commit", "rollback");
    }

    @Test
    void compositeKeysRoundTrip() {
        Long authorId = seedAuthor("Austen", 1775);
        LocalDateTime joined = LocalDateTime.of(2020, 1, 2, 3, 4, 5);
        mapper.inTransactionMono(s -> s.add(new Membership(authorId, 7L, joined))).block(TIMEOUT);
        recorder().clear();
        StepVerifier.create(mapper.withSessionMono(s -> s.get(Membership.class, List.of(authorId, 7L))))
                .assertNext(m -> assertThat(m.getJoinedOn()).isEqualTo(joined))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly("SELECT memberships.author_id, memberships.club_id,"
                + " memberships.joined_on FROM memberships WHERE memberships.author_id = $1 AND memberships.club_id = $2");
        StepVerifier.create(mapper.withSessionMono(s -> s.get(Membership.class, authorId)))
                .expectErrorMessage("[BRAID_QUERY] Membership has a composite key [authorId, clubId]; pass its parts"
                        + " as a List in that order, e.g. List.of(1L, 2L)")
                .verify();
    }

    @Test
    void recordsAreReadOnlyProjections() {
        seedAuthor("Austen", 1775);
        StepVerifier.create(mapper.withSession(s -> s.select(AuthorView.class).all()))
                .assertNext(v -> assertThat(v.name()).isEqualTo("Austen"))
                .verifyComplete();
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(new AuthorView(1L, "x"))))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("Cannot add AuthorView: it is a record"))
                .verify();
    }

    @Test
    void errorInTheTransactionRollsBackEverything() {
        StepVerifier.create(mapper.inTransaction(s -> s.add(new Author("Kept?", null))
                        .then(s.flush())
                        .then(Mono.error(new IllegalStateException("boom")))))
                .expectErrorMessage("boom")
                .verify(TIMEOUT);
        assertThat(count("authors")).isZero();
        assertThat(recorder().transactionEvents()).containsExactly("begin", "rollback");
        assertThat(awaitAllReleased(java.time.Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void failedRollbackKeepsGeneratedIdsOfTheAbortedFlushOffTheObjects() {
        Author author = new Author("Ephemeral", null);
        StepVerifier.create(mapper.inTransaction(s -> s.add(author).then(s.flush())
                        .then(Mono.error(new IllegalStateException("boom")))))
                .expectError(IllegalStateException.class)
                .verify(TIMEOUT);
        assertThat(author.getId()).as("the id of a rolled-back insert is cleared").isNull();
    }

    @Test
    void uniqueViolationBecomesAConstraintErrorWithSqlAndSqlState() {
        mapper.inTransactionMono(s -> s.add(new Account("a", "same@example.com", BigDecimal.ONE))).block(TIMEOUT);
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(new Account("b", "same@example.com", BigDecimal.ONE))))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ConstraintViolationException.class);
                    ConstraintViolationException violation = (ConstraintViolationException) e;
                    assertThat(violation.code()).isEqualTo(ErrorCode.BRAID_CONSTRAINT);
                    assertThat(violation.sqlState()).isEqualTo(mariadb() ? "23000" : "23505");
                    assertThat(violation.sql()).isEqualTo(sql("INSERT INTO accounts (code, email, balance, version)"
                            + " VALUES ($1, $2, $3, $4)"));
                    assertThat(violation.getCause()).isInstanceOf(io.r2dbc.spi.R2dbcException.class);
                })
                .verify(TIMEOUT);
        assertThat(rows("SELECT code FROM accounts")).containsExactly(List.of("a"));
    }

    @Test
    void addingASecondObjectWithAHeldKeyIsRejected() {
        mapper.inTransactionMono(s -> s.add(new Account("a", "x@example.com", BigDecimal.ONE))).block(TIMEOUT);
        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Account.class, "a")
                        .then(s.add(new Account("a", "y@example.com", BigDecimal.TEN)))))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining(
                        "Another Account object with key Account[a] is already in this session"))
                .verify();
    }

    @Test
    void sessionUsedAfterItsScopeFailsClearly() {
        Session[] escaped = new Session[1];
        mapper.withSession(s -> { escaped[0] = s; return Mono.empty(); }).blockLast(TIMEOUT);
        StepVerifier.create(escaped[0].get(Author.class, 1L))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MapperException.class)
                        .hasMessageContaining("BRAID_SESSION_CLOSED")
                        .hasMessageContaining("the session's scope has ended"))
                .verify();
    }

    @Test
    void refreshRereadsTheRowAndDiscardsUnflushedChanges() {
        Long id = seedAuthor("Austen", 1775);
        recorder().clear();
        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Author.class, id)
                        .doOnNext(a -> a.setName("edited in memory"))
                        .flatMap(a -> mapper.independent().inTransactionMono(other -> other.get(Author.class, id)
                                .doOnNext(o -> o.setBorn(1776))).thenReturn(a))
                        .flatMap(s::refresh)))
                .assertNext(a -> {
                    assertThat(a.getName()).isEqualTo("Austen");
                    assertThat(a.getBorn()).isEqualTo(1776);
                })
                .verifyComplete();
        assertThat(recorder().statements()).filteredOn(sql -> sql.startsWith("UPDATE")).hasSize(1); // the other session's
        assertThat(rows("SELECT name, born FROM authors")).containsExactly(List.of("Austen", 1776));

        StepVerifier.create(mapper.withSessionMono(s -> s.get(Author.class, id)
                        .flatMap(a -> mapper.independent().inTransaction(other -> other.get(Author.class, id).flatMap(other::delete))
                                .then(s.refresh(a)))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(StaleDataException.class)
                        .hasMessageContaining("its row no longer exists"))
                .verify(TIMEOUT);
    }

    Long seedAuthor(String name, Integer born) {
        Author author = new Author(name, born);
        mapper.inTransactionMono(s -> s.add(author)).block(TIMEOUT);
        return author.getId();
    }
}
