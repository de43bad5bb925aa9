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

class MariaDbTestKitSmokeTest extends TestKitSmokeContract {

    @Override
    protected TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }

    private MariaDbTestDatabase mariadb() {
        return (MariaDbTestDatabase) database();
    }

    @Test
    void isAPrivateDatabaseThatUnqualifiedNamesResolveToWithABinaryCollation() {
        assertThat(database().name()).isEqualTo("mariadb");
        assertThat(mariadb().database()).matches("braid_[0-9a-f]{12}");
        StepVerifier.create(withConnection(c -> query(c, "SELECT DATABASE()", String.class)))
            .expectNext(mariadb().database())
            .verifyComplete();
        StepVerifier.create(withConnection(c -> query(c, "SELECT @@collation_database", String.class)))
            .expectNext("utf8mb4_bin")
            .verifyComplete();
        StepVerifier.create(withConnection(c -> query(c, "SELECT @@tx_isolation", String.class)))
            .expectNext("READ-COMMITTED")
            .verifyComplete();
    }

    @Test
    void activitySeesAnOpenTransaction() {
        MariaDbActivity activity = mariadb().activity();
        StepVerifier.create(withConnection(c -> update(c, "CREATE TABLE smoke_activity (id INT PRIMARY KEY)"))).expectNext(0L).verifyComplete();
        assertThat(activity.awaitOpenTransactions(0, Duration.ofSeconds(5))).isZero();

        Connection held = Mono.from(pool().create()).block(RELEASE_TIMEOUT);
        try {
            Mono.from(held.beginTransaction()).then(update(held, "INSERT INTO smoke_activity (id) VALUES (1)")).block(RELEASE_TIMEOUT);
            assertThat(activity.awaitOpenTransactions(1, Duration.ofSeconds(5))).isEqualTo(1);
            assertThat(activity.connections()).isGreaterThanOrEqualTo(1);
            assertThat(acquiredConnections()).isEqualTo(1);
        } finally {
            Mono.from(held.rollbackTransaction()).then(Mono.from(held.close())).block(RELEASE_TIMEOUT);
        }
        assertThat(activity.awaitOpenTransactions(0, Duration.ofSeconds(5))).isZero();
        assertPoolDrained();
        assertThat(recorder().transactionEvents()).containsExactly("begin", "rollback");
    }

    @Test
    void activitySeesARunningQuery() throws Exception {
        MariaDbActivity activity = mariadb().activity();
        CompletableFuture<List<Integer>> sleeping =
            withConnection(c -> query(c, "SELECT SLEEP(1.5)", Integer.class)).collectList().toFuture();
        assertThat(activity.awaitActiveQueries(1, Duration.ofSeconds(5))).isEqualTo(1);
        assertThat(sleeping.get(5, TimeUnit.SECONDS)).containsExactly(0);
        assertPoolDrained();
        assertThat(activity.activeQueries()).isZero();
    }
}
