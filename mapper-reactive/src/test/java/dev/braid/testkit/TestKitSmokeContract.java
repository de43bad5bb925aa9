package dev.braid.testkit;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Proves the test kit end to end with plain R2DBC; run by {@link H2TestKitSmokeTest} and {@link PostgresTestKitSmokeTest}. */
abstract class TestKitSmokeContract extends DatabaseTestBase {

    static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(5);

    static Mono<Long> update(Connection c, String sql, Object... bindings) {
        Statement statement = c.createStatement(sql);
        for (int i = 0; i < bindings.length; i++) {
            statement.bind(i, bindings[i]);
        }
        return Flux.from(statement.execute()).concatMap(Result::getRowsUpdated).reduce(0L, Long::sum);
    }

    static <T> Flux<T> query(Connection c, String sql, Class<T> type, Object... bindings) {
        Statement statement = c.createStatement(sql);
        for (int i = 0; i < bindings.length; i++) {
            statement.bind(i, bindings[i]);
        }
        return Flux.from(statement.execute()).concatMap(r -> r.map((row, md) -> row.get(0, type)));
    }

    /** {@code text} with its {@code $n} markers written as the database's driver binds them. */
    String sql(String text) {
        return java.util.regex.Pattern.compile("\\$(\\d+)").matcher(text)
            .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(database().marker(Integer.parseInt(m.group(1)))));
    }

    /** Runs {@code work} on a connection from {@link #pool()}, closing (releasing) it afterwards. */
    <T> Flux<T> withConnection(java.util.function.Function<Connection, org.reactivestreams.Publisher<T>> work) {
        return Flux.usingWhen(pool().create(), work, Connection::close);
    }

    long countRows(String table) {
        return withConnection(c -> query(c, "SELECT count(*) FROM " + table, Long.class)).blockLast(RELEASE_TIMEOUT);
    }

    void assertPoolDrained() {
        assertThat(awaitAllReleased(RELEASE_TIMEOUT)).as("all pooled connections released").isTrue();
        assertThat(acquiredConnections()).isZero();
    }

    @Test
    void createsInsertsAndReadsThroughThePoolRecordingStatementsInOrder() {
        Flux<String> flow = withConnection(c -> update(c, "CREATE TABLE smoke_item (id INT PRIMARY KEY, name VARCHAR(50))")
            .then(update(c, sql("INSERT INTO smoke_item (id, name) VALUES ($1, $2)"), 1, "alpha"))
            .thenMany(query(c, sql("SELECT name FROM smoke_item WHERE id = $1"), String.class, 1)));

        StepVerifier.create(flow).expectNext("alpha").verifyComplete();

        assertThat(recorder().statements()).containsExactly(
            "CREATE TABLE smoke_item (id INT PRIMARY KEY, name VARCHAR(50))",
            "INSERT INTO smoke_item (id, name) VALUES ($1, $2)",
            "SELECT name FROM smoke_item WHERE id = $1");
        assertThat(recorder().sentStatements()).containsExactly(
            "CREATE TABLE smoke_item (id INT PRIMARY KEY, name VARCHAR(50))",
            sql("INSERT INTO smoke_item (id, name) VALUES ($1, $2)"),
            sql("SELECT name FROM smoke_item WHERE id = $1"));
        assertThat(recorder().count()).isEqualTo(3);
        assertThat(recorder().transactionEvents()).isEmpty();
        assertPoolDrained();
        StepVerifier.create(pooled().awaitIdle(RELEASE_TIMEOUT)).verifyComplete();

        recorder().clear();
        assertThat(recorder().statements()).isEmpty();
        assertThat(recorder().count()).isZero();
    }

    @Test
    void recordsTransactionsDrivenThroughTheR2dbcApi() {
        StepVerifier.create(withConnection(c -> update(c, "CREATE TABLE smoke_tx (id INT PRIMARY KEY)"))).expectNext(0L).verifyComplete();
        recorder().clear();

        // Deferred: r2dbc-mariadb decides whether COMMIT is needed when commitTransaction() is called, not subscribed.
        Flux<Object> committed = withConnection(c -> Mono.from(c.beginTransaction())
            .then(update(c, "INSERT INTO smoke_tx (id) VALUES (1)"))
            .then(Mono.defer(() -> Mono.from(c.commitTransaction()))));
        Flux<Object> rolledBack = withConnection(c -> Mono.from(c.beginTransaction())
            .then(update(c, "INSERT INTO smoke_tx (id) VALUES (2)"))
            .then(Mono.defer(() -> Mono.from(c.rollbackTransaction()))));
        StepVerifier.create(committed.thenMany(rolledBack)).verifyComplete();

        assertThat(recorder().transactionEvents()).containsExactly("begin", "commit", "begin", "rollback");
        assertThat(recorder().statements()).containsExactly(
            "INSERT INTO smoke_tx (id) VALUES (1)",
            "INSERT INTO smoke_tx (id) VALUES (2)");
        assertThat(countRows("smoke_tx")).isEqualTo(1L);
        assertPoolDrained();
    }

    @Test
    void poolRollsBackThroughTheApiWhenAConnectionIsReleasedInsideATransaction() {
        StepVerifier.create(withConnection(c -> update(c, "CREATE TABLE smoke_leak (id INT PRIMARY KEY)"))).expectNext(0L).verifyComplete();
        recorder().clear();

        StepVerifier.create(withConnection(c -> Mono.from(c.beginTransaction())
                .then(update(c, "INSERT INTO smoke_leak (id) VALUES (1)"))))
            .expectNext(1L)
            .verifyComplete();

        assertPoolDrained();
        assertThat(recorder().transactionEvents()).containsExactly("begin", "rollback");
        assertThat(countRows("smoke_leak")).isZero();
    }

    @Test
    void failNextMatchingFailsExactlyTheNextMatchingStatementOnce() {
        StepVerifier.create(withConnection(c -> update(c, "CREATE TABLE smoke_fault (id INT PRIMARY KEY)"))).expectNext(0L).verifyComplete();
        recorder().clear();

        recorder().failNextMatching("INSERT INTO smoke_fault");
        assertThat(recorder().pendingFailures()).isEqualTo(1);

        // Does not contain the substring: unaffected.
        StepVerifier.create(withConnection(c -> query(c, "SELECT count(*) FROM smoke_fault", Long.class)))
            .expectNext(0L).verifyComplete();
        // The next matching one fails, without reaching the database.
        StepVerifier.create(withConnection(c -> update(c, sql("INSERT INTO smoke_fault (id) VALUES ($1)"), 1)))
            .expectErrorSatisfies(e -> {
                assertThat(e).isInstanceOf(R2dbcNonTransientResourceException.class).hasMessage("injected failure");
                R2dbcNonTransientResourceException r2dbc = (R2dbcNonTransientResourceException) e;
                assertThat(r2dbc.getSqlState()).isEqualTo("XX000");
                assertThat(r2dbc.getSql()).isEqualTo(sql("INSERT INTO smoke_fault (id) VALUES ($1)"));
            })
            .verify(RELEASE_TIMEOUT);
        // One-shot: the same statement succeeds afterwards.
        StepVerifier.create(withConnection(c -> update(c, sql("INSERT INTO smoke_fault (id) VALUES ($1)"), 1)))
            .expectNext(1L).verifyComplete();

        assertThat(recorder().pendingFailures()).isZero();
        assertThat(recorder().statements()).containsExactly(
            "SELECT count(*) FROM smoke_fault",
            "INSERT INTO smoke_fault (id) VALUES ($1)",
            "INSERT INTO smoke_fault (id) VALUES ($1)");
        assertThat(countRows("smoke_fault")).isEqualTo(1L);
        assertPoolDrained();
    }

    @Test
    void batchesRecordEachQueryAndFailAsAWholeWhenOneQueryMatches() {
        StepVerifier.create(withConnection(c -> update(c, "CREATE TABLE smoke_batch (id INT PRIMARY KEY)"))).expectNext(0L).verifyComplete();
        recorder().clear();

        recorder().failNextMatching("VALUES (2)");
        Flux<Long> batch = withConnection(c -> Flux.from(c.createBatch()
                .add("INSERT INTO smoke_batch (id) VALUES (1)")
                .add("INSERT INTO smoke_batch (id) VALUES (2)")
                .execute())
            .concatMap(Result::getRowsUpdated));
        StepVerifier.create(batch)
            .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(R2dbcNonTransientResourceException.class).hasMessage("injected failure"))
            .verify(RELEASE_TIMEOUT);
        assertThat(recorder().statements()).containsExactly(
            "INSERT INTO smoke_batch (id) VALUES (1)",
            "INSERT INTO smoke_batch (id) VALUES (2)");
        assertThat(countRows("smoke_batch")).isZero();

        StepVerifier.create(batch).expectNext(1L, 1L).verifyComplete();
        assertThat(countRows("smoke_batch")).isEqualTo(2L);
        assertPoolDrained();
    }

    @Test
    void unpooledRecordingFactoryRecordsToo() {
        Flux<Integer> flow = Flux.usingWhen(connectionFactory().create(),
            c -> query(c, "SELECT 41 + 1", Integer.class), Connection::close);
        StepVerifier.create(flow).expectNext(42).verifyComplete();
        assertThat(recorder().statements()).containsExactly("SELECT 41 + 1");
    }
}
