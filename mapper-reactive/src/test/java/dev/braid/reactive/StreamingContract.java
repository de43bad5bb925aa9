package dev.braid.reactive;

import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Novel;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** stream(): windows of roots with their relationships, on demand, never a child query inside an open result. */
abstract class StreamingContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return GraphModel.registry();
    }

    @BeforeEach
    void twoThousandWritersWithThreeBooksEach() {
        execute(postgres()
                ? "INSERT INTO authors (name) SELECT 'w' || g FROM generate_series(1, 2000) g"
                : mariadb() ? "INSERT INTO authors (name) SELECT CONCAT('w', seq) FROM seq_1_to_2000"
                : "INSERT INTO authors (name) SELECT 'w' || x FROM SYSTEM_RANGE(1, 2000)");
        execute(postgres()
                ? "INSERT INTO books (title, author_id) SELECT 'b' || g, 1 + (g - 1) / 3 FROM generate_series(1, 6000) g"
                : mariadb() ? "INSERT INTO books (title, author_id) SELECT CONCAT('b', seq), 1 + (seq - 1) DIV 3 FROM seq_1_to_6000"
                : "INSERT INTO books (title, author_id) SELECT 'b' || x, 1 + (x - 1) / 3 FROM SYSTEM_RANGE(1, 6000)");
        recorder().clear();
    }

    private long windowReads() {
        return recorder().statements().stream()
                .filter(s -> s.startsWith("FETCH") || s.startsWith("SELECT authors.id")).count();
    }

    private long childQueries() {
        return recorder().statements().stream().filter(s -> s.startsWith("SELECT books.id")).count();
    }

    @Test
    void cursorNamesAreTheSessionsOwnNotAProcessWideCounter() {
        org.junit.jupiter.api.Assumptions.assumeTrue(postgres(), "H2 streams through keyset pages, without cursors");
        for (int session = 0; session < 2; session++) {
            recorder().clear();
            StepVerifier.create(mapper.inTransaction(s -> s.select(Writer.class).stream(1500).count()
                            .concatWith(s.select(Writer.class).stream(1500).count())))
                    .expectNext(2000L, 2000L)
                    .verifyComplete();
            // Each session numbers its cursors from 1: no state is shared between sessions or mappers.
            assertThat(recorder().statements()).filteredOn(sql -> sql.startsWith("DECLARE "))
                    .extracting(sql -> sql.substring(0, sql.indexOf(" NO SCROLL")))
                    .containsExactly("DECLARE braid_cursor_1", "DECLARE braid_cursor_2");
        }
    }

    @Test
    void streamsEveryWriterWithItsBooksInWindows() {
        long[] totals = mapper.withSession(s -> s.select(Writer.class).options(Loads.selectin(Writer_.books)).stream(500))
                .reduce(new long[2], (acc, w) -> {
                    acc[0]++;
                    acc[1] += w.books.size();
                    return acc;
                }).block(TIMEOUT);
        assertThat(totals).containsExactly(2000, 6000);
        assertThat(childQueries()).isEqualTo(4);
        assertThat(windowReads()).isEqualTo(5); // four full windows, then an empty one ends the stream
        List<String> statements = recorder().statements();
        if (postgres()) {
            assertThat(statements.get(0)).startsWith("DECLARE braid_cursor_").contains(" NO SCROLL CURSOR FOR SELECT authors.id");
            assertThat(statements.get(1)).matches("FETCH FORWARD 500 FROM braid_cursor_\\d+");
            assertThat(statements.get(2)).startsWith("SELECT books.id");
            assertThat(statements.get(statements.size() - 1)).startsWith("CLOSE braid_cursor_");
            assertThat(recorder().transactionEvents()).containsExactly("begin", "commit");
        } else {
            assertThat(statements.get(0)).isEqualTo("SELECT authors.id, authors.name FROM authors ORDER BY authors.id LIMIT $1");
            assertThat(statements.get(2)).isEqualTo("SELECT authors.id, authors.name FROM authors WHERE authors.id > $1"
                    + " ORDER BY authors.id LIMIT $2");
        }
    }

    @Test
    void aSlowSubscriberHoldsTheStreamAtMostOneWindowAhead() {
        StepVerifier.create(mapper.withSession(s -> s.select(Writer.class).options(Loads.selectin(Writer_.books)).stream(100)), 1)
                .assertNext(w -> assertThat(w.books).hasSize(3))
                .then(() -> {
                    // one element taken: the first window, plus at most the next one read ahead of demand
                    assertThat(windowReads()).isBetween(1L, 2L);
                    assertThat(childQueries()).isBetween(1L, 2L);
                })
                .thenRequest(100)
                .expectNextCount(100)
                .then(() -> assertThat(windowReads()).isBetween(2L, 3L)) // of 21 windows in all
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(awaitAllReleased(Duration.ofSeconds(1))).isTrue();
        database().pgActivity().ifPresent(a -> assertThat(a.awaitIdleInTransactionCount(0, Duration.ofSeconds(1))).isZero());
    }

    @Test
    void cancellingClosesTheCursorAndReleasesTheConnectionWithinOneSecond() {
        StepVerifier.create(mapper.withSession(s -> s.select(Writer.class).options(Loads.selectin(Writer_.books)).stream())
                        .take(10))
                .expectNextCount(10)
                .verifyComplete();
        assertThat(awaitAllReleased(Duration.ofSeconds(1))).isTrue();
        if (postgres()) {
            assertThat(recorder().statements()).last().asString().startsWith("CLOSE braid_cursor_");
            assertThat(recorder().transactionEvents()).containsExactly("begin", "rollback");
            assertThat(database().pgActivity().orElseThrow().awaitIdleInTransactionCount(0, Duration.ofSeconds(1))).isZero();
        }
    }

    @Test
    void streamedObjectsAreDetachedSoMemoryDoesNotGrowWithTheStream() {
        StepVerifier.create(mapper.withSession(s -> s.select(Writer.class).where(Writer_.name.startsWith("w1"))
                        .stream(50).map(s::contains).distinct()))
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void streamingInsideATransactionUsesItAndAppliesFiltersAndOrder() {
        StepVerifier.create(mapper.inTransaction(s -> s.add(new Writer("zz pending"))
                        .thenMany(s.select(Writer.class).where(Writer_.name.startsWith("zz")).stream(10))
                        .map(w -> w.name)))
                .expectNext("zz pending") // autoflush wrote it first
                .verifyComplete();
        if (postgres()) assertThat(recorder().transactionEvents()).containsExactly("begin", "commit");
        StepVerifier.create(mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.name.desc()).limit(3)
                        .stream(2).map(w -> w.name)))
                .expectNext("zz pending", "w999", "w998")
                .verifyComplete();
        StepVerifier.create(mapper.withSession(s -> s.select(Novel.class).where(dev.braid.reactive.graph.Novel_.title.eq("b1"))
                        .options(Loads.joined(dev.braid.reactive.graph.Novel_.author)).stream()
                        .map(n -> n.author.get().name)))
                .expectNext("w1")
                .verifyComplete();
    }

    @Test
    void aFailingWindowQueryEndsTheStreamWithTheErrorAndReleasesTheConnection() {
        recorder().failNextMatching("SELECT books.id");
        StepVerifier.create(mapper.withSession(s -> s.select(Writer.class).options(Loads.selectin(Writer_.books)).stream(100)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(dev.braid.error.DatabaseException.class)
                        .hasMessageContaining("injected failure"))
                .verify(TIMEOUT);
        assertThat(awaitAllReleased(Duration.ofSeconds(1))).isTrue();
        assertThat(Mono.just(1).block()).isEqualTo(1);
    }
}
