package dev.braid.spring.transaction;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.reactive.Mapper;
import dev.braid.spring.autoconfigure.BraidAutoConfiguration;
import dev.braid.spring.transaction.app.AuditEntry;
import dev.braid.spring.transaction.app.Payment;
import dev.braid.spring.transaction.app.Wallet;
import dev.braid.spring.transaction.app.WalletApplication;
import dev.braid.spring.transaction.app.WalletService;
import dev.braid.testkit.StatementRecorder;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Braid inside Spring-managed transactions, in a Boot application (R2dbcTransactionManager, @Transactional
 * services, DatabaseClient) on one database: commit, rollback on error and on cancel, REQUIRES_NEW, mixing with
 * DatabaseClient, Braid's inTransaction joining, flush before commit; every test checks the database, the
 * transaction events and statements sent, and that the pool is idle afterwards.
 */
abstract class SpringTransactionContract {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** An r2dbc URL of an empty database or schema, new for each call. */
    abstract String freshUrl();

    /** How each statement Braid sends to insert one wallet with two or more payments begins, in order. */
    abstract List<String> walletWithPaymentsInserts();

    void assertStartsInOrder(List<String> sql, List<String> prefixes) {
        assertThat(sql).hasSameSizeAs(prefixes);
        for (int i = 0; i < prefixes.size(); i++) {
            assertThat(sql.get(i)).as("statement " + i).startsWith(prefixes.get(i));
        }
    }

    void run(Consumer<App> test) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcTransactionManagerAutoConfiguration.class,
                        TransactionAutoConfiguration.class, BraidAutoConfiguration.class))
                .withUserConfiguration(WalletApplication.class)
                .withPropertyValues("test.url=" + freshUrl(), "braid.schema.create-missing=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    App app = new App(context);
                    app.recorder.clear();
                    test.accept(app);
                    app.awaitIdlePool();
                });
    }

    @Test
    void transactionalMethodCommitsBraidsWritesInSpringsTransaction() {
        run(app -> {
            StepVerifier.create(app.service.open("ann", 10, 20))
                    .assertNext(wallet -> {
                        assertThat(wallet.id).isNotNull(); // the flush at the end of withSession set it
                        assertThat(wallet.payments).allSatisfy(p -> assertThat(p.walletId).isEqualTo(wallet.id));
                    })
                    .verifyComplete();
            assertThat(app.recorder.transactionEvents()).containsExactly("begin", "commit");
            assertStartsInOrder(app.recorder.statements(), walletWithPaymentsInserts());
            assertThat(app.rows("SELECT owner FROM wallets")).containsExactly("ann");
            assertThat(app.rows("SELECT amount FROM payments ORDER BY amount")).containsExactly("10", "20");
        });
    }

    @Test
    void anErrorRollsBackBraidsWritesAndItsObjects() {
        run(app -> {
            StepVerifier.create(app.service.openThenFail("bob", 5, 6))
                    .verifyErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                            .hasMessage("payment provider refused"));
            assertThat(app.recorder.transactionEvents()).containsExactly("begin", "rollback");
            assertStartsInOrder(app.recorder.statements(), walletWithPaymentsInserts()); // sent, then rolled back
            assertThat(app.count("wallets")).isZero();
            assertThat(app.count("payments")).isZero();
        });
    }

    @Test
    void theObjectsOfARolledBackTransactionLoseTheirGeneratedKeys() {
        run(app -> {
            Wallet[] seen = new Wallet[1];
            StepVerifier.create(app.service.open("eve", 1).doOnNext(w -> seen[0] = w)
                            .then(Mono.<Wallet>error(new IllegalStateException("late failure")))
                            .as(app.operator::transactional))
                    .verifyError(IllegalStateException.class);
            assertThat(seen[0].id).isNull(); // rolled back with the transaction: not persistent
            assertThat(seen[0].payments.get(0).id).isNull();
            assertThat(app.count("wallets")).isZero();
        });
    }

    @Test
    void cancellingTheSubscriberRollsBackAndFreesTheConnection() {
        run(app -> {
            Sinks.Empty<Void> flushed = Sinks.empty();
            Disposable request = app.service.openThenHang("cat", flushed).subscribe();
            StepVerifier.create(flushed.asMono()).expectComplete().verify(TIMEOUT);
            request.dispose(); // a client that disconnects
            app.awaitIdlePool();
            assertThat(app.recorder.transactionEvents()).containsExactly("begin", "rollback");
            assertThat(app.count("wallets")).isZero();
            assertThat(app.count("payments")).isZero();
        });
    }

    @Test
    void takingPartOfAStreamEndsTheCursorThenSpringRollsBackAndTheConnectionIsFree() {
        run(app -> {
            app.insertWallets(500);
            app.recorder.clear();
            StepVerifier.create(app.service.streamAll().take(120)).expectNextCount(120).verifyComplete();
            app.awaitIdlePool();
            assertThat(app.recorder.transactionEvents()).containsExactly("begin", "rollback"); // take(n) cancels
            assertThat(app.recorder.statements()).isNotEmpty();
            // the connection went back clean: the next transaction works on it
            StepVerifier.create(app.service.open("after-stream")).expectNextCount(1).verifyComplete();
            assertThat(app.count("wallets")).isEqualTo(501);
        });
    }

    @Test
    void braidAndDatabaseClientSeeEachOthersWritesAndCommitTogether() {
        run(app -> {
            StepVerifier.create(app.service.mixed("dan", false))
                    .assertNext(seen -> {
                        assertThat(seen.paymentsSeenByDatabaseClient()).isEqualTo(2);
                        assertThat(seen.balanceSeenByBraid()).isEqualTo(42); // DatabaseClient's UPDATE, refreshed
                        assertThat(seen.sameObject()).isTrue(); // one session per transaction: one identity map
                    })
                    .verifyComplete();
            assertThat(app.recorder.transactionEvents()).containsExactly("begin", "commit");
            List<String> expected = new java.util.ArrayList<>(walletWithPaymentsInserts());
            expected.add("SELECT COUNT(*) AS n FROM payments"); // DatabaseClient sees Braid's rows
            expected.add("UPDATE wallets SET balance = 42");
            expected.add("SELECT wallets.id, wallets.owner, wallets.balance FROM wallets WHERE wallets.id = "); // refresh
            assertStartsInOrder(app.recorder.statements(), expected); // get came from the identity map: no SELECT
            assertThat(app.rows("SELECT balance FROM wallets")).containsExactly("42");
            assertThat(app.count("payments")).isEqualTo(2);
        });
    }

    @Test
    void braidAndDatabaseClientRollBackTogether() {
        run(app -> {
            StepVerifier.create(app.service.mixed("fay", true)).verifyError(IllegalStateException.class);
            assertThat(app.recorder.transactionEvents()).containsExactly("begin", "rollback");
            assertThat(app.count("wallets")).isZero();
            assertThat(app.count("payments")).isZero();
        });
    }

    @Test
    void requiresNewCommitsOnItsOwnWhileTheOuterTransactionRollsBack() {
        run(app -> {
            StepVerifier.create(app.service.openAuditedThenFail("gil"))
                    .verifyErrorSatisfies(e -> assertThat(e).hasMessageContaining("tracked by the outer session: false"));
            assertThat(app.recorder.transactionEvents()).containsExactly("begin", "begin", "commit", "rollback");
            assertThat(app.count("wallets")).isZero();
            assertThat(app.rows("SELECT message FROM audit_entries")).containsExactly("opened gil");
        });
    }

    @Test
    void braidsInTransactionJoinsTheSpringTransaction() {
        run(app -> {
            StepVerifier.create(app.service.openInBraidTransaction("hal")).expectNextCount(1).verifyComplete();
            assertThat(app.recorder.transactionEvents()).containsExactly("begin", "commit"); // Spring's only
            assertThat(app.count("wallets")).isEqualTo(1);
        });
    }

    @Test
    void aFailedJoinedInTransactionDoomsTheSpringTransactionEvenWhenTheErrorIsSwallowed() {
        run(app -> {
            StepVerifier.create(app.service.swallowFailedInTransaction("ivy"))
                    .verifyErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(MapperException.class).hasMessageContaining("inner failure");
                        assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_SESSION_INACTIVE);
                    });
            assertThat(app.recorder.transactionEvents()).containsExactly("begin", "rollback");
            assertThat(app.count("wallets")).isZero();
        });
    }

    @Test
    void changesMadeAfterTheWorkAreFlushedBeforeSpringCommits() {
        run(app -> {
            StepVerifier.create(app.service.openThenChangeOutsideWork("jo", 99)).expectNextCount(1).verifyComplete();
            List<String> sql = app.recorder.statements();
            assertThat(sql).hasSize(2);
            assertThat(sql.get(0)).contains("INSERT INTO wallets");
            assertThat(sql.get(1)).startsWith("UPDATE wallets");
            assertThat(app.recorder.transactionEvents()).containsExactly("begin", "commit");
            assertThat(app.rows("SELECT balance FROM wallets")).containsExactly("99");
        });
    }

    @Test
    void oneSessionPerTransactionSharesTheIdentityMap() {
        run(app -> {
            long id = app.service.open("kim").block(TIMEOUT).id;
            app.recorder.clear();
            StepVerifier.create(app.service.readTwice(id))
                    .assertNext(both -> assertThat(both.get(0)).isSameAs(both.get(1)))
                    .verifyComplete();
            assertThat(app.recorder.statements()).hasSize(1);
        });
    }

    @Test
    void sessionCommitInsideASpringTransactionIsRefused() {
        run(app -> {
            StepVerifier.create(app.service.commitInsideSpring())
                    .verifyErrorSatisfies(e -> {
                        assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_ENTITY_STATE);
                        assertThat(e).hasMessageContaining("managed elsewhere");
                    });
            assertThat(app.recorder.transactionEvents()).containsExactly("begin", "rollback");
        });
    }

    @Test
    void transactionalOperatorWorksLikeTheAnnotation() {
        run(app -> {
            StepVerifier.create(app.mapper.withSessionMono(s -> s.add(new Wallet("lea")))
                            .flatMap(w -> app.mapper.withSessionMono(s -> s.add(new AuditEntry("for " + w.id))))
                            .as(app.operator::transactional))
                    .assertNext(entry -> assertThat(entry.message).startsWith("for ").doesNotEndWith("null"))
                    .verifyComplete();
            assertThat(app.recorder.transactionEvents()).containsExactly("begin", "commit");
            assertThat(app.count("wallets")).isEqualTo(1);
            assertThat(app.count("audit_entries")).isEqualTo(1);
        });
    }

    @Test
    void outsideASpringTransactionBraidRunsItsOwn() {
        run(app -> {
            StepVerifier.create(app.mapper.inTransactionMono(s -> s.add(new Wallet("max")))).expectNextCount(1).verifyComplete();
            StepVerifier.create(app.mapper.withSessionMono(s -> s.add(new Wallet("ned")))).expectNextCount(1).verifyComplete();
            // inTransaction: Braid's BEGIN/COMMIT; withSession: its flush in a transaction of its own
            assertThat(app.recorder.transactionEvents()).containsExactly("begin", "commit", "begin", "commit");
            assertThat(app.count("wallets")).isEqualTo(2);
        });
    }

    /** The application's beans and database helpers. */
    static final class App {
        final WalletService service;
        final Mapper mapper;
        final StatementRecorder recorder;
        final ConnectionPool pool;
        final TransactionalOperator operator;

        App(AssertableApplicationContext context) {
            this.service = context.getBean(WalletService.class);
            this.mapper = context.getBean(Mapper.class);
            this.recorder = context.getBean(StatementRecorder.class);
            this.pool = context.getBean(ConnectionPool.class);
            this.operator = TransactionalOperator.create(context.getBean(ReactiveTransactionManager.class));
        }

        long count(String table) {
            return Long.parseLong(rows("SELECT COUNT(*) FROM " + table).get(0));
        }

        // Reads outside any transaction on a connection of its own, not through the recording pool.
        List<String> rows(String sql) {
            return DatabaseClient.create(recorder.delegate()).sql(sql).map(row -> String.valueOf(row.get(0))).all()
                    .collectList().block(TIMEOUT);
        }

        void insertWallets(int n) {
            List<Wallet> wallets = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) wallets.add(new Wallet("w" + i));
            StepVerifier.create(mapper.inTransactionMono(session -> session.addAll(wallets))).verifyComplete();
        }

        void awaitIdlePool() {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (pool.getMetrics().orElseThrow().acquiredSize() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("connections still acquired: " + pool.getMetrics().orElseThrow().acquiredSize());
                }
                Mono.delay(Duration.ofMillis(20)).block();
            }
        }
    }
}
