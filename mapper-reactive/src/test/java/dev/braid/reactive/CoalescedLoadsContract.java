package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.query.Loads;
import dev.braid.reactive.graph.Novel;
import dev.braid.reactive.graph.Novel_;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Explicit loads and fetches of one relationship issued together are merged into one chunked selectin load. */
abstract class CoalescedLoadsContract extends QueueTestBase {
    private static final String NOVEL_COLUMNS = "SELECT books.id, books.title, books.author_id";

    /** A selectin query's FROM and WHERE for {@code keys} keys (see GraphContract). */
    private String selectinFrom(String table, String keyColumn, int keys) {
        if (postgres()) return " FROM " + table + " WHERE " + table + "." + keyColumn + " = ANY($1)";
        if (mariadb()) {
            StringBuilder in = new StringBuilder(" FROM " + table + " WHERE " + table + "." + keyColumn + " IN (");
            for (int i = 1; i <= keys; i++) in.append(i > 1 ? ", $" : "$").append(i);
            return in.append(')').toString();
        }
        return " FROM TABLE(k bigint = $1) braid_keys JOIN " + table + " ON " + table + "." + keyColumn + " = braid_keys.k";
    }

    /** The selectin statements for {@code keys} keys, chunked by the dialect's default chunk size. */
    private List<String> selectins(String select, String table, String keyColumn, int keys) {
        int chunk = mapper.dialect().defaultInListChunkSize();
        List<String> out = new ArrayList<>();
        for (int from = 0; from < keys; from += chunk) {
            out.add(select + selectinFrom(table, keyColumn, Math.min(chunk, keys - from)));
        }
        return out;
    }

    private static Map<String, List<String>> titles(List<Writer> writers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Writer w : writers) {
            assertThat(w.books.isLoaded()).as(w.name).isTrue();
            out.put(w.name, w.books.stream().map(b -> b.title).toList());
        }
        return out;
    }

    private Map<String, List<String>> selectinGraph() {
        return titles(mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc())
                .options(Loads.selectin(Writer_.books)).all()).collectList().block(TIMEOUT));
    }

    private void flatMapLoadsOverCollectedWriters(int writers) {
        seedWriters(writers);
        List<Writer> loaded = mapper.withSessionMono(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).all().collectList()
                .flatMap(all -> (writers <= 256 // flatMap subscribes at most 256 at once unless told more
                        ? Flux.fromIterable(all).flatMap(w -> s.load(w, Writer_.books))
                        : Flux.fromIterable(all).flatMap(w -> s.load(w, Writer_.books), writers)).then(Mono.just(all))))
                .block(TIMEOUT);
        List<String> expected = new ArrayList<>();
        expected.add(ALL);
        expected.addAll(selectins(NOVEL_COLUMNS, "books", "author_id", writers));
        assertThat(recorder().statements()).containsExactlyElementsOf(expected);
        assertOneStatementAtATime();
        Map<String, List<String>> graph = titles(loaded);
        assertThat(graph).hasSize(writers).containsEntry("w7", List.of("w7 first", "w7 second"));
        assertThat(graph).isEqualTo(selectinGraph());
    }

    @Test
    void aHundredLoadsFromAFlatMapCostOneSelectinLoad() {
        flatMapLoadsOverCollectedWriters(100);
    }

    @Test
    void twoThousandSixHundredLoadsCostOneStatementPerChunk() {
        flatMapLoadsOverCollectedWriters(2_600); // H2: 6 chunks of 500, MariaDB: 3 of 1000, PostgreSQL: 1
    }

    @Test
    void loadsIssuedFromTheRowsOfARunningQueryAreCoalescedToo() {
        seedWriters(100);
        List<Writer> loaded = mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).all()
                .flatMap(w -> s.load(w, Writer_.books).thenReturn(w))).collectList().block(TIMEOUT);
        assertThat(recorder().statements()).containsExactlyElementsOf(
                concat(ALL, selectins(NOVEL_COLUMNS, "books", "author_id", 100)));
        assertThat(titles(loaded)).hasSize(100).isEqualTo(selectinGraph());
        assertOneStatementAtATime();
    }

    @Test
    void loadsOfWhatIsAlreadyLoadedSendNothing() {
        seedWriters(10);
        StepVerifier.create(mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc())
                        .options(Loads.selectin(Writer_.books)).all().collectList()
                        .flatMap(all -> Flux.fromIterable(all).flatMap(w -> s.load(w, Writer_.books)).then(Mono.just(all.size())))))
                .expectNext(10)
                .verifyComplete();
        assertThat(recorder().statements()).containsExactlyElementsOf(
                concat(ALL, selectins(NOVEL_COLUMNS, "books", "author_id", 10)));
    }

    @Test
    void fetchesOfAReferenceAndOfACollectionAreCoalesced() {
        seedWriters(30);
        StepVerifier.create(mapper.withSession(s -> s.select(Novel.class).orderBy(Novel_.id.asc()).all()
                        .flatMap(n -> s.fetch(n, Novel_.author).map(a -> n.title + " by " + a.name)).collectList()))
                .assertNext(lines -> assertThat(lines).hasSize(60).contains("w3 first by w3", "w30 second by w30"))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactlyElementsOf(
                concat(ALL_NOVELS, selectins("SELECT authors.id, authors.name", "authors", "id", 30)));
        recorder().clear();
        StepVerifier.create(mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).all()
                        .flatMap(w -> s.fetchAll(w, Writer_.books).map(books -> w.name + ": " + books.size())).collectList()))
                .assertNext(lines -> assertThat(lines).hasSize(30).contains("w1: 2", "w30: 2").allSatisfy(l -> assertThat(l).endsWith(": 2")))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactlyElementsOf(
                concat(ALL, selectins(NOVEL_COLUMNS, "books", "author_id", 30)));
        assertOneStatementAtATime();
    }

    @Test
    void fetchOfACollectionSaysToUseFetchAll() {
        seedWriters(1);
        StepVerifier.create(mapper.withSession(s -> s.select(Writer.class).one().flatMap(w -> s.fetch(w, Writer_.books))))
                .expectErrorSatisfies(e -> {
                    assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_ARGUMENT);
                    assertThat(e).hasMessageContaining("Writer.books is a collection. Fix: use fetchAll(owner, Writer.books)");
                })
                .verify(TIMEOUT);
    }

    @Test
    void aCallerThatCancelsLeavesTheBatchWithoutCancellingTheOthers() {
        seedWriters(3);
        List<Writer> loaded = mapper.withSessionMono(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).all().collectList()
                .flatMap(all -> Flux.merge(
                        s.load(all.get(0), Writer_.books).thenReturn("w1"),
                        Mono.firstWithSignal(s.load(all.get(1), Writer_.books).thenReturn("w2"), Mono.just("left")),
                        s.load(all.get(2), Writer_.books).thenReturn("w3")).collectList()
                        .doOnNext(names -> assertThat(names).containsExactlyInAnyOrder("w1", "left", "w3"))
                        .thenReturn(all)))
                .block(TIMEOUT);
        assertThat(loaded.get(0).books.isLoaded()).isTrue();
        assertThat(loaded.get(1).books.isLoaded()).isFalse(); // its caller left before the batch started
        assertThat(loaded.get(2).books).extracting(b -> b.title).containsExactly("w3 first", "w3 second");
        assertThat(recorder().statements()).containsExactly(ALL, NOVEL_COLUMNS + selectinFrom("books", "author_id", 2));
        assertOneStatementAtATime();
    }

    @Test
    void whenEveryCallerCancelsTheBatchIsNeverSent() {
        seedWriters(3);
        StepVerifier.create(mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).all().collectList()
                        .flatMap(all -> Mono.firstWithSignal(
                                Flux.fromIterable(all).flatMap(w -> s.load(w, Writer_.books)).then(Mono.just("loaded")),
                                Mono.just("cancelled")))))
                .expectNext("cancelled")
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(ALL);
        assertOneStatementAtATime();
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }
}
