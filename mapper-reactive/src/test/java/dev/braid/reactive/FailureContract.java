package dev.braid.reactive;

import dev.braid.core.error.DatabaseException;
import dev.braid.core.error.ErrorCode;
import dev.braid.core.error.MapperException;
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
                        .then(Mono.fromCallable(() -> new Book("b", author.getId()))).flatMap(s::add)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DatabaseException.class)
                        .hasMessageContaining(StatementRecorder.INJECTED_MESSAGE))
                .verify(TIMEOUT);
        assertThat(count("authors")).isZero();
        assertThat(count("books")).isZero();
        assertThat(awaitAllReleased(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void aFailedFlushWithoutTransactionWritesNothingAndTheSessionGoesOn() {
        StepVerifier.create(mapper.withSession(s -> s.add(new Author("a", 1)).then(s.add(new Book("orphan", 999L)))
                        .then(s.flush()).onErrorResume(e -> Mono.empty())
                        .then(s.select(Author.class).count())))
                .expectNext(0L)
                .verifyComplete();
        assertThat(count("authors")).isZero();
    }

    @Test
    void aFailingCommitIsReportedAsADatabaseError() {
        if (!postgres()) return; // H2 cannot defer a constraint to COMMIT
        execute("ALTER TABLE books DROP CONSTRAINT fk_books_author_id");
        execute("ALTER TABLE books ADD CONSTRAINT fk_books_author_id FOREIGN KEY (author_id) REFERENCES authors (id)"
                + " DEFERRABLE INITIALLY DEFERRED");
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(new Book("orphan", 999L))))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(DatabaseException.class);
                    assertThat(((DatabaseException) e).sql()).isEqualTo("COMMIT");
                    assertThat(((DatabaseException) e).sqlState()).isEqualTo("23503");
                })
                .verify(TIMEOUT);
        assertThat(awaitAllReleased(Duration.ofSeconds(1))).isTrue();
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
