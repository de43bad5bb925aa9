package dev.braid.reactive;

import dev.braid.dialect.ErrorKind;
import dev.braid.error.DatabaseException;
import dev.braid.reactive.model.Author;
import dev.braid.testkit.TestDatabase;
import io.r2dbc.spi.R2dbcException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MariaDB only: one transaction holds a row lock while another, with a one-second {@code innodb_lock_wait_timeout} set
 * for its session, waits for it and fails with error 1205, whose SQLSTATE (HY000) says nothing: the error number
 * makes it a retryable lock timeout.
 */
class MariaDbLockTimeoutTest extends MapperTestBase {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }

    /** A transaction renaming the author to "holder", then holding the row lock until {@code release} completes. */
    private CompletableFuture<Void> holdRowLock(long id, Sinks.Empty<Void> release) {
        Sinks.Empty<Void> locked = Sinks.empty();
        CompletableFuture<Void> done = mapper.inTransactionMono(s -> s.get(Author.class, id)
                        .doOnNext(a -> a.setName("holder"))
                        .then(s.flush())
                        .then(Mono.fromRunnable(locked::tryEmitEmpty))
                        .then(release.asMono()))
                .toFuture();
        locked.asMono().block(TIMEOUT);
        return done;
    }

    private long author() {
        Author author = new Author("first", 1);
        mapper.inTransactionMono(s -> s.add(author)).block(TIMEOUT);
        return author.getId();
    }

    @Test
    void aLockWaitTimeoutIsReportedWithItsErrorNumberAndLeavesTheOtherTransactionsWrite() {
        long id = author();
        Sinks.Empty<Void> release = Sinks.empty(); // per test: the class's tests share one instance
        CompletableFuture<Void> holder = holdRowLock(id, release);
        recorder().clear();
        StepVerifier.create(mapper.inTransactionMono(s -> s.sql("SET SESSION innodb_lock_wait_timeout = 1").execute()
                        .then(s.sql("UPDATE authors SET name = 'waiter' WHERE id = ?").bind(0, id).execute())))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(DatabaseException.class).hasMessageContaining("Lock wait timeout");
                    assertThat(((DatabaseException) e).sqlState()).isEqualTo("HY000");
                    assertThat(((DatabaseException) e).vendorCode()).isEqualTo(1205); // what tells it apart
                    assertThat(e.getCause()).isInstanceOf(R2dbcException.class);
                    R2dbcException cause = (R2dbcException) e.getCause();
                    assertThat(cause.getErrorCode()).isEqualTo(1205);
                    assertThat(mapper.dialect().errors().kind(cause.getSqlState(), cause.getErrorCode()))
                            .isEqualTo(ErrorKind.LOCK_TIMEOUT);
                })
                .verify(TIMEOUT);
        assertThat(recorder().transactionEvents()).containsExactly("begin", "rollback");
        release.tryEmitEmpty();
        holder.join();
        assertThat(value("SELECT name FROM authors WHERE id = ?", id)).isEqualTo("holder");
        assertThat(awaitAllReleased(Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void aTransactionRetryingLockTimeoutsRunsAgainOnceTheLockIsFree() {
        long id = author();
        Sinks.Empty<Void> release = Sinks.empty(); // per test: the class's tests share one instance
        CompletableFuture<Void> holder = holdRowLock(id, release);
        AtomicInteger attempts = new AtomicInteger();
        TransactionOptions retry = TransactionOptions.defaults().retrySerializationFailures(3);
        StepVerifier.create(mapper.inTransactionMono(retry, s -> {
                    // The first attempt timed out: let the holder commit, and wait until it has, so this attempt
                    // reads the holder's committed name (a plain read does not wait for the row lock).
                    Mono<Void> holderDone = attempts.incrementAndGet() == 1 ? Mono.empty()
                            : Mono.fromRunnable(release::tryEmitEmpty).then(Mono.fromFuture(holder));
                    return holderDone.then(s.sql("SET SESSION innodb_lock_wait_timeout = 1").execute())
                            .then(s.get(Author.class, id))
                            .doOnNext(a -> a.setName(a.getName() + "+waiter"))
                            .flatMap(a -> s.flush().thenReturn(a.getName()));
                }))
                .expectNext("holder+waiter") // the retry read the holder's committed name
                .verifyComplete();
        holder.join();
        assertThat(attempts).hasValue(2);
        assertThat(value("SELECT name FROM authors WHERE id = ?", id)).isEqualTo("holder+waiter");
        assertThat(awaitAllReleased(Duration.ofSeconds(2))).isTrue();
    }
}
