package dev.braid.spring.transaction.app;

import dev.braid.reactive.Mapper;
import dev.braid.testkit.StatementRecorder;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Duration;

/**
 * The test application: a pool over a statement-recording factory (so Braid's, Spring's and DatabaseClient's
 * statements and transaction events are all seen), DatabaseClient, and the two services. Boot's
 * auto-configuration adds R2dbcTransactionManager, @Transactional support and Braid.
 */
@SpringBootConfiguration
@AutoConfigurationPackage
public class WalletApplication {

    @Bean
    StatementRecorder statementRecorder(@Value("${test.url}") String url) {
        return StatementRecorder.wrap(ConnectionFactories.get(url));
    }

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(StatementRecorder recorder) {
        return new ConnectionPool(ConnectionPoolConfiguration.builder(recorder.connectionFactory())
                .maxSize(4).maxAcquireTime(Duration.ofSeconds(10)).build());
    }

    @Bean
    DatabaseClient databaseClient(ConnectionPool connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }

    @Bean
    AuditService auditService(Mapper mapper) {
        return new AuditService(mapper);
    }

    @Bean
    WalletService walletService(Mapper mapper, DatabaseClient db, AuditService audit) {
        return new WalletService(mapper, db, audit);
    }
}
