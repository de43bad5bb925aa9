package dev.braid.spring.autoconfigure;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.reactive.Mapper;
import dev.braid.reactive.ReadYourWrites;
import dev.braid.reactive.ReplicaOptions;
import dev.braid.spring.autoconfigure.entities.ScanHere;
import dev.braid.spring.autoconfigure.entities.StarterItem;
import dev.braid.testkit.PostgresReplicaPair;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code braid.replicas.*}: the properties, a mapper reading from a real streaming standby (the test kit's
 * {@link PostgresReplicaPair}) through pools closed with the context, and the startup error on H2.
 */
class ReplicaBraidAutoConfigurationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, BraidAutoConfiguration.class));

    private static String url(int port) {
        return "r2dbc:postgresql://postgres@127.0.0.1:" + port + "/" + PostgresReplicaPair.DATABASE_NAME;
    }

    @Test
    void replicaPropertiesAreBoundAndDefaultToReplicaOptions() {
        runner.withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///replica_props;DB_CLOSE_DELAY=-1").run(context -> {
            assertThat(context).hasNotFailed();
            BraidProperties.Replicas replicas = context.getBean(BraidProperties.class).getReplicas();
            assertThat(replicas.getUrls()).isEmpty();
            assertThat(replicas.getMaxLag()).isEqualTo(ReplicaOptions.defaults().maxLag());
            assertThat(replicas.getReadYourWritesWait()).isEqualTo(ReplicaOptions.defaults().readYourWritesWait());
            assertThat(context.getBean(BraidReplicaPools.class).factories()).isEmpty();
        });
        // Only bound here: BraidProperties alone, no mapper (H2 would refuse the replicas).
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("braid.replicas.urls=r2dbc:postgresql://a/x, r2dbc:postgresql://b/x",
                        "braid.replicas.max-lag=2s", "braid.replicas.read-your-writes-wait=250ms")
                .run(context -> {
                    BraidProperties.Replicas replicas = context.getBean(BraidProperties.class).getReplicas();
                    assertThat(replicas.getUrls()).containsExactly("r2dbc:postgresql://a/x", "r2dbc:postgresql://b/x");
                    assertThat(replicas.getMaxLag()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(replicas.getReadYourWritesWait()).isEqualTo(Duration.ofMillis(250));
                });
    }

    /** Binds the braid.* properties only. */
    @org.springframework.boot.context.properties.EnableConfigurationProperties(BraidProperties.class)
    static class PropertiesOnly {
    }

    @Test
    void theMapperReadsFromThePooledReplicaAndReadsItsOwnWritesOnThePrimaryIncludingSpringTransactions() {
        PostgresReplicaPair pair = PostgresReplicaPair.shared();
        pair.resetSchema();
        AtomicReference<List<ConnectionFactory>> pools = new AtomicReference<>();
        try {
            runner.withConfiguration(AutoConfigurations.of(R2dbcTransactionManagerAutoConfiguration.class))
                    .withUserConfiguration(ScanHere.class)
                    .withPropertyValues("spring.r2dbc.url=" + url(pair.primaryPort()),
                            "spring.r2dbc.pool.initial-size=1", "spring.r2dbc.pool.max-size=3",
                            "braid.schema.create-missing=true",
                            "braid.replicas.urls=" + url(pair.replicaPort()),
                            "braid.replicas.max-lag=1h", // replay is paused below: lag grows, the replica stays usable
                            "braid.replicas.read-your-writes-wait=200ms")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        List<ConnectionFactory> factories = context.getBean(BraidReplicaPools.class).factories();
                        assertThat(factories).singleElement().isInstanceOf(ConnectionPool.class);
                        assertThat(((ConnectionPool) factories.get(0)).getMetrics().orElseThrow().getMaxAllocatedSize())
                                .isEqualTo(3); // spring.r2dbc.pool.* applies to the replicas' pools
                        pools.set(factories);
                        Mapper mapper = context.getBean(Mapper.class);
                        pair.awaitReplicaCaughtUp(); // the tables created at startup
                        pair.pauseReplay();
                        try {
                            ReadYourWrites writer = ReadYourWrites.start();
                            mapper.inTransactionMono(s -> s.add(new StarterItem("written"))).contextWrite(writer.context())
                                    .block(TIMEOUT);
                            String ownTransaction = writer.token();
                            assertThat(ownTransaction).isNotNull();
                            // A commit of Spring's transaction manager (the session joined it) advances it too.
                            TransactionalOperator spring = TransactionalOperator.create(
                                    context.getBean(ReactiveTransactionManager.class));
                            mapper.withSessionMono(s -> s.add(new StarterItem("in Spring's transaction")))
                                    .as(spring::transactional).contextWrite(writer.context()).block(TIMEOUT);
                            assertThat(Long.compareUnsigned(Long.parseUnsignedLong(writer.token(), 16),
                                    Long.parseUnsignedLong(ownTransaction, 16))).isPositive();

                            // A reader that wrote nothing reads the replica, which has not replayed the write.
                            assertThat(names(mapper, ReadYourWrites.start())).isEmpty();
                            // The writer waits 200 ms for the replica, then reads the primary.
                            assertThat(names(mapper, ReadYourWrites.after(writer.token())))
                                    .containsExactlyInAnyOrder("written", "in Spring's transaction");
                        } finally {
                            pair.resumeReplay();
                        }
                        pair.awaitReplicaCaughtUp();
                        assertThat(names(mapper, ReadYourWrites.start()))
                                .containsExactlyInAnyOrder("written", "in Spring's transaction");
                    });
            assertThat(((ConnectionPool) pools.get().get(0)).isDisposed()).as("closed with the context").isTrue();
        } finally {
            pair.resumeReplay();
        }
    }

    private static List<String> names(Mapper mapper, ReadYourWrites reader) {
        return mapper.readOnly(s -> s.select(StarterItem.class).all().map(StarterItem::getName))
                .contextWrite(reader.context()).collectList().block(TIMEOUT);
    }

    @Test
    void replicasOnH2FailTheStartupNamingTheProperty() {
        runner.withUserConfiguration(ScanHere.class)
                .withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///replica_h2;DB_CLOSE_DELAY=-1",
                        "braid.replicas.urls=r2dbc:h2:mem:///replica_h2_copy;DB_CLOSE_DELAY=-1")
                .run(context -> {
                    assertThat(context).hasFailed();
                    MapperException error = BraidAutoConfigurationContract.firstMapperException(context.getStartupFailure());
                    assertThat(error.code()).isEqualTo(ErrorCode.BRAID_ARGUMENT);
                    assertThat(error).hasMessageStartingWith("[BRAID_ARGUMENT] braid.replicas.urls names 1 replica(s)")
                            .hasMessageContaining("needs a dialect that reads log positions")
                            .hasMessageContaining("remove braid.replicas.urls");
                });
    }
}
