package dev.braid.reactive;

import dev.braid.error.SessionBusyException;
import dev.braid.reactive.graph.Novel;
import dev.braid.reactive.graph.Novel_;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session takes overlapping operations: they wait in a queue and run one after another on its connection, the
 * same on every database (H2's synchronous driver hid the problem before).
 */
abstract class SessionQueueContract extends QueueTestBase {

    @Test
    void zipWithOfTwoGets() {
        List<Long> ids = seedWriters(2);
        StepVerifier.create(mapper.withSessionMono(s -> s.get(Writer.class, ids.get(0)).zipWith(s.get(Writer.class, ids.get(1)))))
                .assertNext(pair -> {
                    assertThat(pair.getT1().name).isEqualTo("w1");
                    assertThat(pair.getT2().name).isEqualTo("w2");
                })
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(GET, GET);
        assertOneStatementAtATime();
    }

    @Test
    void mergeOfAQueryAndAGet() {
        List<Long> ids = seedWriters(5);
        StepVerifier.create(mapper.withSession(s -> Flux.merge(
                        s.select(Novel.class).orderBy(Novel_.id.asc()).all().map(n -> n.title),
                        s.get(Writer.class, ids.get(2)).map(w -> "got " + w.name))).collectList())
                .assertNext(names -> assertThat(names).hasSize(11).contains("w1 first", "w5 second", "got w3"))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(ALL_NOVELS, GET);
        assertOneStatementAtATime();
    }

    @Test
    void aQueryIssuedForEachRowOfARunningQueryRunsAfterItsStatementsWithoutHanging() {
        seedWriters(50); // more rows than concatMap prefetches: the stream must read ahead for the queries to run
        StepVerifier.create(mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).all()
                        .concatMap(w -> s.select(Novel.class).where(Novel_.authorId.eq(w.id)).orderBy(Novel_.id.asc()).all()
                                .map(n -> n.title))).collectList())
                .assertNext(titles -> {
                    assertThat(titles).hasSize(100);
                    assertThat(titles.subList(0, 4)).containsExactly("w1 first", "w1 second", "w2 first", "w2 second");
                })
                .verifyComplete();
        List<String> expected = new ArrayList<>();
        expected.add(ALL);
        for (int i = 0; i < 50; i++) expected.add(NOVELS_OF + " ORDER BY books.id");
        assertThat(recorder().statements()).containsExactlyElementsOf(expected);
        assertOneStatementAtATime();
    }

    @Test
    void flatMapLoadsOverAHundredAuthors() {
        seedWriters(100);
        StepVerifier.create(mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).all()
                        .flatMap(w -> s.load(w, Writer_.books).thenReturn(w))).collectList())
                .assertNext(writers -> {
                    assertThat(writers).hasSize(100);
                    for (Writer w : writers) {
                        assertThat(w.books.isLoaded()).isTrue();
                        assertThat(w.books).extracting(b -> b.title).containsExactly(w.name + " first", w.name + " second");
                    }
                })
                .verifyComplete();
        assertOneStatementAtATime();
    }

    @Test
    void anOperationIssuedFromAWindowedStreamFailsFastNamingBoth() {
        seedWriters(3);
        StepVerifier.create(mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).stream(2)
                        .concatMap(w -> s.get(Novel.class, 1L))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(SessionBusyException.class)
                        .hasMessageContaining("Cannot run get(Novel, 1) while stream Writer is still running")
                        .hasMessageContaining("read the rows with all() instead of stream(window)"))
                .verify(TIMEOUT);
        assertThat(awaitAllReleased(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aCancelledWaitingOperationIsNeverSentAndTheNextRuns() {
        seedWriters(3);
        long firstNovel = ((Number) value("SELECT id FROM books WHERE title = 'w1 first'")).longValue();
        long secondNovel = ((Number) value("SELECT id FROM books WHERE title = 'w2 first'")).longValue();
        List<String> cancelledGot = new CopyOnWriteArrayList<>();
        StepVerifier.create(mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).all()
                        .doOnNext(w -> {
                            if (!w.name.equals("w1")) return;
                            // Issued while the query runs, so it waits; cancelled before it can start.
                            s.get(Novel.class, firstNovel).subscribe(n -> cancelledGot.add(n.title)).dispose();
                        })
                        .concatMap(w -> w.name.equals("w1")
                                ? s.get(Novel.class, secondNovel).map(n -> n.title) : Mono.just(w.name))).collectList())
                .assertNext(names -> assertThat(names).containsExactly("w2 first", "w2", "w3"))
                .verifyComplete();
        assertThat(cancelledGot).isEmpty();
        assertThat(recorder().statements()).containsExactly(ALL, GET_NOVEL);
        assertOneStatementAtATime();
    }

    @Test
    void cancellingTheRunningOperationLetsTheNextRunAfterIt() {
        List<Long> ids = seedWriters(3);
        StepVerifier.create(mapper.withSession(s -> Flux.merge(
                        s.select(Novel.class).orderBy(Novel_.id.asc()).all().take(1).map(n -> n.title), // cancelled after a row
                        s.get(Writer.class, ids.get(0)).map(w -> w.name))).collectList())
                .assertNext(names -> assertThat(names).containsExactlyInAnyOrder("w1 first", "w1"))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(ALL_NOVELS, GET);
        assertOneStatementAtATime();
    }

    @Test
    void sixteenConcurrentSubscribersWithRandomCancellation() {
        List<Long> ids = seedWriters(20);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Integer> delays = new ArrayList<>();
        for (int i = 0; i < 16 * 4; i++) delays.add(random.nextInt(4));
        List<String> completed = new CopyOnWriteArrayList<>();
        // First the sixteen subscribers' reads, cancelled at random while they wait or run; then their writes, which
        // are not cancelled: the transaction commits all sixteen. (A read cancelled during its autoflush cancels that
        // flush, which leaves the transaction inactive, so the reads run while nothing is pending.)
        StepVerifier.create(mapper.inTransaction(s -> Flux.range(0, 16).flatMap(i -> {
                    Mono<?> get = maybeCancelled(s.get(Writer.class, ids.get(i)), delays.get(4 * i), completed, "get " + i);
                    Mono<?> all = maybeCancelled(s.select(Writer.class).orderBy(Writer_.id.asc()).all().collectList(),
                            delays.get(4 * i + 1), completed, "all " + i);
                    Mono<?> count = maybeCancelled(s.select(Novel.class).where(Novel_.authorId.eq(ids.get(i))).count(),
                            delays.get(4 * i + 2), completed, "count " + i);
                    Mono<?> novels = maybeCancelled(s.select(Novel.class).where(Novel_.authorId.eq(ids.get(i))).all()
                            .collectList(), delays.get(4 * i + 3), completed, "novels " + i);
                    return Mono.when(get, all).then(Mono.when(count, novels)).thenReturn(i);
                }, 16).collectList().flatMapMany(read -> Flux.fromIterable(read).flatMap(i ->
                        s.add(new Writer("new " + i)).then(s.flush()).thenReturn(i), 16))).collectList())
                .as("seed " + seed)
                .assertNext(done -> assertThat(done).hasSize(16))
                .verifyComplete();
        assertThat(count("authors")).as("seed " + seed).isEqualTo(36);
        assertThat(rows("SELECT COUNT(DISTINCT name) FROM authors WHERE name LIKE 'new %'").get(0).get(0))
                .satisfies(n -> assertThat(((Number) n).intValue()).isEqualTo(16));
        assertOneStatementAtATime();
    }

    /** {@code op}, cancelled when a timer of {@code delay} ms (0: no cancel) fires first; records completion. */
    private static <T> Mono<?> maybeCancelled(Mono<T> op, int delay, List<String> completed, String name) {
        Mono<Object> tracked = op.doOnSuccess(v -> completed.add(name)).map(v -> (Object) v);
        if (delay == 0) return tracked;
        return Mono.firstWithSignal(tracked, Mono.delay(Duration.ofMillis(delay)).thenReturn("cancelled"));
    }
}
