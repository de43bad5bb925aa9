package dev.braid.reactive;

import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Novel;
import dev.braid.reactive.graph.Review;
import dev.braid.reactive.graph.Writer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cancel (a disconnecting client, a timeout) before every statement of a three-level cascade flush
 * and before its COMMIT: no partial rows, the pool back to idle, no idle-in-transaction backend, and
 * the objects carry no keys of rows that do not exist.
 */
abstract class CancelDuringFlushContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return GraphModel.registry();
    }

    private static Writer graph(List<Object> all) {
        Writer writer = new Writer("w");
        all.add(writer);
        for (int b = 0; b < 3; b++) {
            Novel novel = new Novel("n" + b);
            writer.books.add(novel);
            all.add(novel);
            for (int r = 0; r < 2; r++) {
                Review review = new Review(r);
                novel.reviews.add(review);
                all.add(review);
            }
        }
        return writer;
    }

    @Test
    void cancellingBeforeAnyStatementOfTheFlushLeavesNothing() throws Exception {
        // Learn how many statements the whole flush takes on this database.
        mapper.inTransactionMono(s -> s.add(graph(new ArrayList<>()))).block(TIMEOUT);
        int statements = recorder().count();
        assertThat(statements).isGreaterThanOrEqualTo(3);
        execute("DELETE FROM reviews");
        execute("DELETE FROM books");
        execute("DELETE FROM authors");

        for (int k = 1; k <= statements + 1; k++) { // k = statements + 1: cancel at the COMMIT
            recorder().reset();
            List<Object> objects = new ArrayList<>();
            Writer writer = graph(objects);
            // A subscriber that can cancel itself from inside the hook, even when H2 runs the whole flush
            // synchronously within subscribe().
            reactor.core.publisher.BaseSubscriber<Writer> subscriber = new reactor.core.publisher.BaseSubscriber<>() { };
            CountDownLatch cancelled = new CountDownLatch(1);
            int cancelAt = k;
            if (k <= statements) {
                recorder().beforeEachStatement(count -> {
                    if (count == cancelAt) {
                        subscriber.cancel();
                        cancelled.countDown();
                    }
                });
            }
            var flux = mapper.inTransactionMono(s -> s.add(writer))
                    .doOnSubscribe(x -> { })
                    .flux();
            if (k > statements) {
                // Cancel when the transaction is about to commit: after the last statement was sent.
                recorder().beforeEachStatement(count -> {
                    if (count == statements) cancelled.countDown();
                });
            }
            flux.subscribe(subscriber);
            assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("cancel point %d reached", k).isTrue();
            if (k > statements) subscriber.cancel();

            assertThat(awaitAllReleased(Duration.ofSeconds(5))).as("pool idle after cancel at %d", k).isTrue();
            long authors = count("authors");
            long books = count("books");
            long reviews = count("reviews");
            if (k <= statements || authors == 0) {
                assertThat(List.of(authors, books, reviews)).as("no partial rows after cancel at %d", k)
                        .containsExactly(0L, 0L, 0L);
                assertThat(writer.id).as("no key of a row that does not exist (cancel at %d)", k).isNull();
            } else {
                // The COMMIT raced the cancel and won: then everything is there.
                assertThat(List.of(authors, books, reviews)).containsExactly(1L, 3L, 6L);
            }
            database().pgActivity().ifPresent(a ->
                    assertThat(a.awaitIdleInTransactionCount(0, Duration.ofSeconds(2))).isZero());
            execute("DELETE FROM reviews");
            execute("DELETE FROM books");
            execute("DELETE FROM authors");
        }
    }

    /**
     * Cancels from another thread at moments spread over the flush (the way a client disconnect or a
     * timeout arrives): every cancel leaves either the whole graph committed or nothing. A cancel that
     * reached the driver between a statement's prepare and its execution used to let the INSERT run after
     * the ROLLBACK, in autocommit, leaving a lone author row.
     */
    @Test
    void cancelsFromAnotherThreadLeaveWholeGraphsOrNothing() throws Exception {
        long flushNanos = Long.MAX_VALUE; // the fastest of a few warm flushes: cancels then fall inside one
        for (int i = 0; i < 8; i++) {
            long start = System.nanoTime();
            mapper.inTransactionMono(s -> s.add(graph(new ArrayList<>()))).block(TIMEOUT);
            flushNanos = Math.min(flushNanos, System.nanoTime() - start);
        }
        java.util.Random random = new java.util.Random(42);
        int committed = 8;
        for (int i = 0; i < 100; i++) {
            Writer writer = graph(new ArrayList<>());
            reactor.core.publisher.BaseSubscriber<Writer> subscriber = new reactor.core.publisher.BaseSubscriber<>() { };
            CountDownLatch done = new CountDownLatch(1);
            mapper.inTransactionMono(s -> s.add(writer)).doFinally(x -> done.countDown()).subscribe(subscriber);
            java.util.concurrent.locks.LockSupport.parkNanos((long) (random.nextDouble() * flushNanos * 1.2));
            subscriber.cancel();
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(awaitAllReleased(Duration.ofSeconds(5))).as("pool idle after cancel %d", i).isTrue();
            long authors = count("authors");
            assertThat(authors).as("at most one more graph after cancel %d", i).isBetween((long) committed, committed + 1L);
            committed = (int) authors;
            assertThat(List.of(count("books"), count("reviews"))).as("whole graphs only after cancel %d", i)
                    .containsExactly(3L * committed, 6L * committed);
        }
        database().pgActivity().ifPresent(a ->
                assertThat(a.awaitIdleInTransactionCount(0, Duration.ofSeconds(2))).isZero());
    }
}
