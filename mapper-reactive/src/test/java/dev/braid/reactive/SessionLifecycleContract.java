package dev.braid.reactive;

import dev.braid.error.DatabaseException;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.reactive.model.Account;
import dev.braid.reactive.model.Author;
import dev.braid.reactive.model.Author_;
import dev.braid.reactive.model.Book;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** commit, rollback, expunge, merge, savepoints and serialization retries. */
abstract class SessionLifecycleContract extends MapperTestBase {

    @Test
    void commitEndsTheTransactionAndTheSessionGoesOn() {
        StepVerifier.create(mapper.inTransaction(s -> s.add(new Author("first", 1)).then(s.commit())
                        .then(s.add(new Author("second", 2)))
                        .then(Mono.error(new IllegalStateException("after the commit")))))
                .expectErrorMessage("after the commit")
                .verify(TIMEOUT);
        assertThat(rows("SELECT name FROM authors")).containsExactly(List.of("first"));
        assertThat(recorder().transactionEvents()).containsExactly("begin", "commit", "begin", "rollback");
    }

    @Test
    void rollbackRevertsObjectsAndReactivatesAnInactiveSession() {
        Long id = mapper.inTransactionMono(s -> s.add(new Author("kept", 1))).block(TIMEOUT).getId();
        Author pending = new Author("pending", 2);
        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Author.class, id)
                        .flatMap(a -> {
                            a.setName("changed");
                            return s.flush().then(s.add(pending)).then(s.add(new Book("orphan", 999L)))
                                    .then(s.flush()).onErrorResume(e -> s.rollback()) // inactive, then rolled back
                                    .then(s.select(Author.class).where(Author_.id.eq(id)).one())
                                    .map(again -> List.of(again == a, a.getName(), s.contains(pending)));
                        })))
                .expectNext(List.of(true, "kept", false))
                .verifyComplete();
        assertThat(rows("SELECT name FROM authors")).containsExactly(List.of("kept"));
        assertThat(pending.getId()).isNull();
    }

    @Test
    void expungeDetachesSoChangesAreNotWritten() {
        Long id = mapper.inTransactionMono(s -> s.add(new Author("a", 1))).block(TIMEOUT).getId();
        recorder().clear();
        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Author.class, id)
                        .flatMap(a -> s.expunge(a).then(Mono.fromCallable(() -> {
                            a.setName("not written");
                            return s.contains(a);
                        })))))
                .expectNext(false)
                .verifyComplete();
        assertThat(recorder().statements()).hasSize(1);
        assertThat(value("SELECT name FROM authors")).isEqualTo("a");
    }

    @Test
    void mergeCopiesADetachedObjectOntoTheSessionsObject() {
        Author detached = mapper.inTransactionMono(s -> s.add(new Author("before", 1))).block(TIMEOUT);
        detached.setName("after");
        recorder().clear();
        StepVerifier.create(mapper.inTransactionMono(s -> s.merge(detached).map(m -> m != detached && m.getName().equals("after"))))
                .expectNext(true)
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                "SELECT authors.id, authors.name, authors.born FROM authors WHERE authors.id = $1",
                "UPDATE authors SET name = $1 WHERE id = $2");
        Account fresh = new Account("new", "n@example.com", BigDecimal.ONE);
        mapper.inTransactionMono(s -> s.merge(fresh)).block(TIMEOUT);
        assertThat(count("accounts")).isEqualTo(1);
    }

    @Test
    void aFailedSavepointRollsBackOnlyItsOwnWork() {
        StepVerifier.create(mapper.inTransaction(s -> s.add(new Author("outer", 1))
                        .thenMany(s.nested(inner -> inner.add(new Author("inner", 2)).then(inner.flush())
                                .then(Mono.error(new IllegalStateException("inner failed")))))
                        .onErrorResume(IllegalStateException.class, e -> Mono.empty())
                        .thenMany(s.nested(inner -> inner.add(new Author("second inner", 3))))
                        .then()))
                .verifyComplete();
        assertThat(rows("SELECT name FROM authors ORDER BY born")).containsExactly(List.of("outer"), List.of("second inner"));
        assertThat(recorder().savepointEvents()).hasSize(4); // create, rollback; create, release
    }

    @Test
    void serializationFailuresAreRetriedWhenAsked() {
        AtomicInteger attempts = new AtomicInteger();
        StepVerifier.create(mapper.inTransaction(TransactionOptions.defaults().retrySerializationFailures(3), s ->
                        s.add(new Author("try " + attempts.incrementAndGet(), 1)).then(s.flush()).then(Mono.defer(() ->
                                attempts.get() < 3
                                        ? Mono.error(new DatabaseException("could not serialize access", "UPDATE x",
                                        "40001", null))
                                        : Mono.just("done")))))
                .expectNext("done")
                .verifyComplete();
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(rows("SELECT name FROM authors")).containsExactly(List.of("try 3"));
        StepVerifier.create(mapper.inTransaction(TransactionOptions.defaults().retrySerializationFailures(3),
                        s -> Mono.error(new IllegalStateException("not retried"))))
                .expectErrorMessage("not retried")
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSession(s -> s.nested(inner -> Mono.empty())))
                .expectErrorSatisfies(e -> assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_ENTITY_STATE))
                .verify(TIMEOUT);
    }
}
