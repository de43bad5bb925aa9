package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import dev.braid.testkit.PostgresReplicaPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replica routing on a real primary and streaming standby (started by {@link PostgresReplicaPair}): read-only work
 * on the replica, writes on the primary, read-your-writes while the replica's replay is paused or catching up,
 * tokens carried between mappers ("requests"), lag and failover. Every statement each server received is asserted;
 * after each test, the replica has received only SELECTs and no transaction.
 */
class ReplicaRoutingTest extends ReplicaTestBase {
    private static final String WRITERS = "SELECT authors.id, authors.name FROM authors ORDER BY authors.id";
    private static final String INSERT = "INSERT INTO authors (name) VALUES ($1) RETURNING id";






    @AfterEach
    void replicaOnlyRead() {
        pair.resumeReplay();
        assertThat(replica.statements()).allMatch(sql -> sql.matches("^(SELECT|DECLARE|FETCH|CLOSE) .*"),
                "only reads reach the replica");
        assertThat(String.join("", replica.transactionEvents())).as("only a stream's read-only transactions")
                .matches("(begincommit)*");
        primaryPool.awaitAllReleased(TIMEOUT);
        replicaPool.awaitAllReleased(TIMEOUT);
    }

    private static List<String> names(Mapper mapper) {
        return mapper.readOnly(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).all().map(w -> w.name)).collectList().block(TIMEOUT);
    }

    private static Mono<Writer> add(Session s, String name) {
        return s.add(new Writer(name));
    }

    @Test
    void readOnlyWorkReadsFromTheReplicaAndAFreshAnswerIsReused() {
        Mapper mapper = mapper(ReplicaOptions.defaults().checkInterval(Duration.ofSeconds(30)));

        assertThat(names(mapper)).containsExactly("Jane Austen", "Leo Tolstoy");
        assertThat(names(mapper)).containsExactly("Jane Austen", "Leo Tolstoy");

        assertThat(replica.statements()).containsExactly(STATE, WRITERS, WRITERS);
        assertThat(primary.statements()).isEmpty();
        // A readOnly() query in a read-only session stays on the session's replica connection: no second one (which,
        // with state checks before every routing, would show as a second check).
        replica.clear();
        Mapper checking = mapper(ReplicaOptions.defaults().checkInterval(Duration.ZERO));
        assertThat(checking.readOnly(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).readOnly().all().map(w -> w.name))
                .collectList().block(TIMEOUT)).containsExactly("Jane Austen", "Leo Tolstoy");
        assertThat(replica.statements()).containsExactly(STATE, WRITERS);
    }

    @Test
    void writesGoToThePrimaryWhichReportsItsPositionAfterTheCommit() {
        Mapper mapper = mapper(ReplicaOptions.defaults());

        mapper.inTransaction(s -> add(s, "Nikolai Gogol")).blockLast(TIMEOUT);

        assertThat(primary.statements()).containsExactly(INSERT, POSITION);
        assertThat(primary.transactionEvents()).containsExactly("begin", "commit");
        assertThat(replica.statements()).isEmpty();
        // A session that wrote nothing asks for nothing.
        mapper.inTransaction(s -> s.select(Writer.class).all()).blockLast(TIMEOUT);
        assertThat(primary.statements()).containsExactly(INSERT, POSITION, "SELECT authors.id, authors.name FROM authors");
    }

    @Test
    void aReadAfterOwnWriteWaitsForTheReplicaThenTakesThePrimary() {
        Mapper mapper = mapper(ReplicaOptions.defaults().readYourWritesWait(Duration.ofMillis(300)).pollInterval(Duration.ofMillis(20)));
        pair.pauseReplay();
        mapper.inTransaction(s -> add(s, "Nikolai Gogol")).blockLast(TIMEOUT);
        primary.clear();

        long start = System.nanoTime();
        assertThat(names(mapper)).containsExactly("Jane Austen", "Leo Tolstoy", "Nikolai Gogol");
        long waitedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(waitedMs).isGreaterThanOrEqualTo(300);
        assertThat(primary.statements()).containsExactly(WRITERS);
        assertThat(replica.statements()).hasSizeGreaterThan(2).containsOnly(STATE);
        // The replica as such never had the row.
        assertThat(pair.sql(true, "SELECT count(*) FROM authors WHERE name = 'Nikolai Gogol'")).isEqualTo("0");
    }

    @Test
    void aReadAfterOwnWriteIsServedByTheReplicaOnceItReplayedIt() {
        Mapper mapper = mapper(ReplicaOptions.defaults().readYourWritesWait(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)));
        pair.pauseReplay();
        mapper.inTransaction(s -> add(s, "Nikolai Gogol")).blockLast(TIMEOUT);
        primary.clear();

        Mono<List<String>> read = mapper.readOnly(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).all().map(w -> w.name))
                .collectList();
        StepVerifier.create(read)
                .then(() -> Mono.delay(Duration.ofMillis(200), Schedulers.boundedElastic()).doOnNext(t -> pair.resumeReplay()).subscribe())
                .expectNext(List.of("Jane Austen", "Leo Tolstoy", "Nikolai Gogol"))
                .verifyComplete();

        assertThat(primary.statements()).isEmpty();
        assertThat(replica.statements()).last().isEqualTo(WRITERS);
        assertThat(replica.statements().subList(0, replica.statements().size() - 1)).hasSizeGreaterThan(1).containsOnly(STATE);
    }

    @Test
    void aTokenCarriesTheWriteToAnotherMapper() {
        Mapper service1 = mapper(ReplicaOptions.defaults());
        Mapper service2 = mapper(ReplicaOptions.defaults().readYourWritesWait(Duration.ofMillis(100)));
        pair.pauseReplay();
        ReadYourWrites request1 = ReadYourWrites.start();
        service1.inTransaction(s -> add(s, "Nikolai Gogol")).contextWrite(request1.context()).blockLast(TIMEOUT);
        String token = request1.token();
        assertThat(token).isNotNull();
        primary.clear();
        replica.clear();

        // Another instance that knows nothing of the write reads the replica's older state...
        assertThat(names(service2)).containsExactly("Jane Austen", "Leo Tolstoy");
        assertThat(replica.statements()).containsExactly(STATE, WRITERS);
        // ... unless the request carries the writer's token: then it never reads older than the write.
        List<String> withToken = service2.readOnly(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).all().map(w -> w.name))
                .contextWrite(ReadYourWrites.after(token).context()).collectList().block(TIMEOUT);
        assertThat(withToken).containsExactly("Jane Austen", "Leo Tolstoy", "Nikolai Gogol");
        assertThat(primary.statements()).containsExactly(WRITERS);
    }

    @Test
    void aReplicaLaggingBeyondTheBoundIsSkipped() throws InterruptedException {
        Mapper mapper = mapper(ReplicaOptions.defaults().maxLag(Duration.ofMillis(200)).checkInterval(Duration.ZERO));
        pair.pauseReplay();
        // Written around Braid, so no read waits for it: only the lag keeps reads off the replica.
        pair.sql(false, "INSERT INTO authors (name) VALUES ('Nikolai Gogol') RETURNING id");
        Thread.sleep(400);

        List<String> read = mapper.readOnly(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).all().map(w -> w.name))
                .contextWrite(ReadYourWrites.start().context()).collectList().block(TIMEOUT);

        assertThat(read).containsExactly("Jane Austen", "Leo Tolstoy", "Nikolai Gogol");
        assertThat(replica.statements()).containsExactly(STATE);
        assertThat(primary.statements()).containsExactly(WRITERS);
    }

    @Test
    void aStoppedReplicaIsSkippedAndLeftAloneThenUsedAgain() {
        Mapper mapper = mapper(ReplicaOptions.defaults().downFor(Duration.ofMillis(500)));
        pair.stopReplica();
        try {
            assertThat(names(mapper)).containsExactly("Jane Austen", "Leo Tolstoy");
            assertThat(names(mapper)).containsExactly("Jane Austen", "Leo Tolstoy");
            assertThat(primary.statements()).containsExactly(WRITERS, WRITERS);
            assertThat(replica.statements()).isEmpty();
        } finally {
            pair.startReplica();
        }
        // Once back (and once its pool has dropped the connections of the stopped server, each failing validation),
        // the replica serves reads again; until then the primary does, and no read fails.
        boolean back = false;
        for (int attempt = 0; attempt < 10 && !back; attempt++) {
            Mono.delay(Duration.ofMillis(600)).block();
            replica.clear();
            assertThat(names(mapper)).containsExactly("Jane Austen", "Leo Tolstoy");
            back = replica.statements().equals(List.of(STATE, WRITERS));
        }
        assertThat(back).as("the restarted replica serves reads again").isTrue();
    }

    @Test
    void readOnlyQueriesOfASessionGoToTheReplicaAfterItsOwnFlushAndStayOnThePrimaryInATransaction() {
        Mapper mapper = mapper(ReplicaOptions.defaults().readYourWritesWait(Duration.ofSeconds(10)));

        List<String> read = mapper.withSession(s -> add(s, "Nikolai Gogol").then(s.flush())
                .thenMany(s.select(Writer.class).orderBy(Writer_.id.asc()).readOnly().all().map(w -> w.name))).collectList().block(TIMEOUT);

        assertThat(read).containsExactly("Jane Austen", "Leo Tolstoy", "Nikolai Gogol");
        assertThat(primary.statements()).containsExactly(INSERT, POSITION);
        assertThat(replica.statements()).last().isEqualTo(WRITERS);
        assertThat(replica.statements()).filteredOn(sql -> !sql.equals(STATE)).hasSize(1);
        primary.clear();
        replica.clear();

        List<String> inTransaction = mapper.inTransaction(s -> add(s, "Anton Chekhov")
                .thenMany(s.select(Writer.class).orderBy(Writer_.id.asc()).readOnly().all().map(w -> w.name))).collectList().block(TIMEOUT);

        assertThat(inTransaction).containsExactly("Jane Austen", "Leo Tolstoy", "Nikolai Gogol", "Anton Chekhov");
        assertThat(primary.statements()).containsExactly(INSERT, WRITERS, POSITION);
        assertThat(replica.statements()).isEmpty();
    }

    @Test
    void aReadOnlySessionOnTheReplicaRefusesWritesUnsent() {
        Mapper mapper = mapper(ReplicaOptions.defaults());

        StepVerifier.create(mapper.readOnly(s -> add(s, "Nikolai Gogol")))
                .expectNextCount(1)
                .verifyErrorSatisfies(e -> assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_READ_ONLY));

        assertThat(replica.statements()).containsExactly(STATE);
        assertThat(primary.statements()).isEmpty();
        assertThat(pair.sql(false, "SELECT count(*) FROM authors")).isEqualTo("2");
    }

    @Test
    void aReadCancelledWhileWaitingForReplayReturnsItsReplicaConnection() {
        Mapper mapper = mapper(ReplicaOptions.defaults().readYourWritesWait(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)));
        pair.pauseReplay();
        mapper.inTransaction(s -> add(s, "Nikolai Gogol")).blockLast(TIMEOUT);
        primary.clear();

        StepVerifier.create(mapper.readOnly(s -> s.select(Writer.class).all()).timeout(Duration.ofMillis(300)))
                .verifyError(java.util.concurrent.TimeoutException.class);

        assertThat(replicaPool.awaitAllReleased(TIMEOUT)).isTrue();
        assertThat(replica.statements()).hasSizeGreaterThan(2).containsOnly(STATE);
        assertThat(primary.statements()).isEmpty();
    }

    @Test
    void concurrentReadersEachReadTheirOwnWriteWhileReplayIsHeldBackAndResumed() {
        Mapper mapper = mapper(ReplicaOptions.defaults().readYourWritesWait(Duration.ofMillis(150)).pollInterval(Duration.ofMillis(5)));
        int readers = 16;
        int rounds = 5;
        java.util.concurrent.atomic.AtomicInteger ownWriteMissing = new java.util.concurrent.atomic.AtomicInteger();
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) pair.pauseReplay(); else pair.resumeReplay();
            int r = round;
            reactor.core.publisher.Flux.range(0, readers).flatMap(i -> {
                ReadYourWrites reader = ReadYourWrites.start();
                String name = "reader " + i + " round " + r;
                return mapper.inTransaction(s -> add(s, name))
                        .then(mapper.readOnlyMono(s -> s.select(Writer.class).where(Writer_.name.eq(name)).count()))
                        .doOnNext(found -> { if (found != 1L) ownWriteMissing.incrementAndGet(); })
                        .contextWrite(reader.context());
            }, readers).blockLast(TIMEOUT);
        }
        pair.resumeReplay();

        assertThat(ownWriteMissing).hasValue(0);
        assertThat(pair.sql(false, "SELECT count(*) FROM authors")).isEqualTo(String.valueOf(2 + readers * rounds));
        // Rounds with replay running were served by the replica, rounds with it paused by the primary after the wait.
        assertThat(replica.statements()).filteredOn(sql -> sql.startsWith("SELECT count(*)") || sql.startsWith("SELECT COUNT(*)"))
                .isNotEmpty();
        assertThat(primary.statements()).filteredOn(sql -> sql.startsWith("SELECT count(*)") || sql.startsWith("SELECT COUNT(*)"))
                .isNotEmpty();
    }

    @Test
    void aStreamReadsTheReplicaThroughACursorInItsOwnTransaction() {
        Mapper mapper = mapper(ReplicaOptions.defaults());

        StepVerifier.create(mapper.readOnly(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).stream(1).map(w -> w.name)))
                .expectNext("Jane Austen", "Leo Tolstoy")
                .verifyComplete();

        assertThat(replica.statements()).containsExactly(STATE, "DECLARE braid_cursor_1 NO SCROLL CURSOR FOR " + WRITERS,
                "FETCH FORWARD 1 FROM braid_cursor_1", "FETCH FORWARD 1 FROM braid_cursor_1",
                "FETCH FORWARD 1 FROM braid_cursor_1", "CLOSE braid_cursor_1");
        assertThat(replica.transactionEvents()).containsExactly("begin", "commit");
        assertThat(primary.statements()).isEmpty();
    }
}
