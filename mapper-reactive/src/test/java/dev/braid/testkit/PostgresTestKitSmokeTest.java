package dev.braid.testkit;

import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresTestKitSmokeTest extends TestKitSmokeContract {

    @Override
    protected TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }

    private PostgresTestDatabase pg() {
        return (PostgresTestDatabase) database();
    }

    @Test
    void isAPrivateSchemaThatUnqualifiedNamesResolveTo() {
        assertThat(database().name()).isEqualTo("postgresql");
        assertThat(pg().schema()).matches("braid_[0-9a-f]{12}");
        // Through PgBouncer (see PgBouncer) the private namespace is a database of the same name.
        StepVerifier.create(withConnection(c -> query(c, PgBouncer.enabled() ? "SELECT current_database()"
                : "SELECT current_schema()", String.class)))
            .expectNext(pg().schema())
            .verifyComplete();
        if (Boolean.getBoolean(PostgresServer.FORCE_EMBEDDED_PROPERTY)) {
            assertThat(PostgresServer.get().source()).isEqualTo(PostgresServer.Source.EMBEDDED);
        }
    }

    @Test
    void pgActivitySeesAConnectionIdleInTransaction() {
        PgActivity activity = database().pgActivity().orElseThrow();
        StepVerifier.create(withConnection(c -> update(c, "CREATE TABLE smoke_activity (id INT PRIMARY KEY)"))).expectNext(0L).verifyComplete();
        assertThat(activity.awaitIdleInTransactionCount(0, Duration.ofSeconds(5))).isZero();

        Connection held = Mono.from(pool().create()).block(RELEASE_TIMEOUT);
        try {
            Mono.from(held.beginTransaction()).then(update(held, "INSERT INTO smoke_activity (id) VALUES (1)")).block(RELEASE_TIMEOUT);
            assertThat(activity.awaitIdleInTransactionCount(1, Duration.ofSeconds(5))).isEqualTo(1);
            assertThat(activity.activeQueriesInSchema()).isZero();
            assertThat(activity.connectionsInSchema()).isGreaterThanOrEqualTo(1);
            assertThat(activity.idleInTransactionCountInDatabase()).isGreaterThanOrEqualTo(1);
            assertThat(acquiredConnections()).isEqualTo(1);
        } finally {
            Mono.from(held.rollbackTransaction()).then(Mono.from(held.close())).block(RELEASE_TIMEOUT);
        }
        assertThat(activity.awaitIdleInTransactionCount(0, Duration.ofSeconds(5))).isZero();
        assertPoolDrained();
        assertThat(recorder().transactionEvents()).containsExactly("begin", "rollback");
    }

    @Test
    void pgActivitySeesARunningQuery() throws Exception {
        PgActivity activity = database().pgActivity().orElseThrow();
        CompletableFuture<List<String>> sleeping =
            withConnection(c -> query(c, "SELECT pg_sleep(1.5)::text", String.class)).collectList().toFuture();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long active = 0;
        while (active == 0 && !sleeping.isDone() && System.nanoTime() < deadline) {
            active = activity.activeQueriesInSchema();
        }
        assertThat(active).isEqualTo(1);
        assertThat(sleeping.get(5, TimeUnit.SECONDS)).containsExactly("");
        assertPoolDrained();
        assertThat(activity.activeQueriesInSchema()).isZero();
    }
}
