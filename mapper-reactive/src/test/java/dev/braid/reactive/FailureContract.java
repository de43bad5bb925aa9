package dev.braid.reactive;

import dev.braid.error.DatabaseException;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.reactive.model.Author;
import dev.braid.reactive.model.Author_;
import dev.braid.reactive.model.Book;
import dev.braid.reactive.model.Everything;
import dev.braid.reactive.model.Everything_;
import dev.braid.testkit.StatementRecorder;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures in the middle of writes, and the edge cases a review found. */
abstract class FailureContract extends MapperTestBase {

    @Test
    void aDuplicateKeyCarriesTheDatabasesOwnErrorNumberWherePostgresHasNone() {
        mapper.inTransaction(s -> s.add(new dev.braid.reactive.model.Account("V-1", "same@example.com", java.math.BigDecimal.ONE)))
                .blockLast(TIMEOUT);
        StepVerifier.create(mapper.inTransaction(s -> s.add(
                        new dev.braid.reactive.model.Account("V-2", "same@example.com", java.math.BigDecimal.ONE))).then())
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(dev.braid.error.ConstraintViolationException.class);
                    DatabaseException error = (DatabaseException) e;
                    // MariaDB: 1062 (ER_DUP_ENTRY); H2: its error code 23505; PostgreSQL reports SQLSTATEs only.
                    assertThat(error.vendorCode()).isEqualTo(mariadb() ? 1062 : h2() ? 23505 : 0);
                    assertThat(error.vendorCode()).isEqualTo(((io.r2dbc.spi.R2dbcException) e.getCause()).getErrorCode());
                    assertThat(error.sqlState()).isEqualTo(mariadb() ? "23000" : "23505");
                })
                .verify(TIMEOUT);
        // A statement the database rejects for another reason: MariaDB 1146 (no such table); H2 42102.
        StepVerifier.create(mapper.withSessionMono(s -> s.sql("UPDATE no_such_table SET x = 1").execute()))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isExactlyInstanceOf(DatabaseException.class);
                    assertThat(((DatabaseException) e).vendorCode()).isEqualTo(mariadb() ? 1146 : h2() ? 42102 : 0);
                })
                .verify(TIMEOUT);
    }

    @Test
    void aFailedFlushMakesTheTransactionInactiveSoARetryCannotWriteTwice() {
        Author author = new Author("only-once", 1);
        Book orphan = new Book("orphan", 999L); // violates the foreign key
        StepVerifier.create(mapper.inTransaction(s -> s.add(author).then(s.add(orphan)).then(s.flush())
                        .onErrorResume(e -> s.delete(orphan).then(s.flush()))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MapperException.class)
                        .satisfies(x -> assertThat(((MapperException) x).code()).isEqualTo(ErrorCode.BRAID_SESSION_INACTIVE))
                        .hasMessageContaining("a flush failed in it"))
                .verify(TIMEOUT);
        assertThat(count("authors")).isZero();
        assertThat(author.getId()).as("the generated id of the rolled-back insert is cleared").isNull();
        assertThat(recorder().transactionEvents()).containsExactly("begin", "rollback");
    }

    @Test
    void theKthStatementFailingRollsBackTheWholeFlush() {
        recorder().failNextMatching("INSERT INTO books");
        Author author = new Author("kept?", 1);
        StepVerifier.create(mapper.inTransaction(s -> s.add(author).then(s.flush())
                        .then(Mono.fromCallable(() -> new Book("b", author.getId()))).flatMap(s::add).then()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DatabaseException.class)
                        .hasMessageContaining(StatementRecorder.INJECTED_MESSAGE))
                .verify(TIMEOUT);
        assertThat(count("authors")).isZero();
        assertThat(count("books")).isZero();
        assertThat(awaitAllReleased(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void aFailedFlushWithoutTransactionWritesNothingAndTheSessionGoesOn() {
        Author author = new Author("a", 1);
        Book orphan = new Book("orphan", 999L);
        java.util.concurrent.atomic.AtomicReference<String> idAfterFailure = new java.util.concurrent.atomic.AtomicReference<>();
        StepVerifier.create(mapper.withSession(s -> s.add(author).then(s.add(orphan))
                        .then(s.flush())
                        .onErrorResume(e -> Mono.fromRunnable(() -> idAfterFailure.set(String.valueOf(author.getId())))
                                .then(s.delete(orphan)))
                        .then(s.select(Author.class).count())))
                .expectNext(1L) // the author, written by the autoflush once the bad book was dropped
                .verifyComplete();
        assertThat(idAfterFailure.get()).as("no id is kept from the rolled-back insert").isEqualTo("null");
        assertThat(count("authors")).isEqualTo(1); // once: the failed flush's insert did not stay
        assertThat(count("books")).isZero();
        assertThat(recorder().transactionEvents()).containsExactly("begin", "rollback", "begin", "commit");
    }

    @Test
    void inOverBinaryValuesMatches() {
        Everything e = new Everything();
        e.id = 1;
        e.bytes = new byte[]{1, 2};
        mapper.inTransactionMono(s -> s.add(e)).block(TIMEOUT);
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Everything.class)
                        .where(Everything_.bytes.in(List.of(new byte[]{1, 2}, new byte[]{3}))).count()))
                .expectNext(1L)
                .verifyComplete();
    }

    @Test
    void existsKeepsTheOffsetAndFirstKeepsALimitOfZero() {
        mapper.inTransactionMono(s -> s.add(new Author("one", 1))).block(TIMEOUT);
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).offset(5).exists())).expectNext(false).verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).offset(0).exists())).expectNext(true).verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).limit(0).first())).verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).where(Author_.name.eq("one")).limit(0).exists()))
                .expectNext(false).verifyComplete();
    }
}
