package dev.braid.spring.transaction.app;

import dev.braid.reactive.Mapper;
import dev.braid.reactive.Session;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.List;

/** The test application's service: Braid and DatabaseClient in Spring-managed transactions. */
public class WalletService {
    private final Mapper mapper;
    private final DatabaseClient db;
    private final AuditService audit;

    public WalletService(Mapper mapper, DatabaseClient db, AuditService audit) {
        this.mapper = mapper;
        this.db = db;
        this.audit = audit;
    }

    /** What a method saw of its own transaction. */
    public record Seen(Wallet wallet, long paymentsSeenByDatabaseClient, int balanceSeenByBraid, boolean sameObject) {}

    @Transactional
    public Mono<Wallet> open(String owner, int... amounts) {
        return mapper.withSessionMono(session -> session.add(walletWith(owner, amounts)));
    }

    @Transactional
    public Mono<Wallet> openThenFail(String owner, int... amounts) {
        return open(owner, amounts).then(Mono.error(new IllegalStateException("payment provider refused")));
    }

    /** Opens, then waits forever (the caller cancels); signals once the INSERTs were sent. */
    @Transactional
    public Mono<Wallet> openThenHang(String owner, Sinks.Empty<Void> flushed) {
        return open(owner, 1).doOnNext(w -> flushed.tryEmitEmpty()).then(Mono.never());
    }

    /** Braid writes, DatabaseClient reads and writes, Braid reads again: one transaction. */
    @Transactional
    public Mono<Seen> mixed(String owner, boolean failAtEnd) {
        return open(owner, 5, 7)
                .flatMap(wallet -> db.sql("SELECT COUNT(*) AS n FROM payments WHERE wallet_id = :id")
                        .bind("id", wallet.id).map(row -> row.get("n", Long.class)).one()
                        .flatMap(count -> db.sql("UPDATE wallets SET balance = 42 WHERE id = :id").bind("id", wallet.id)
                                .fetch().rowsUpdated()
                                .then(mapper.withSessionMono(session -> session.get(Wallet.class, wallet.id)
                                        .flatMap(session::refresh)))
                                .map(read -> new Seen(wallet, count, read.balance, read == wallet))))
                .flatMap(seen -> failAtEnd ? Mono.error(new IllegalStateException("fail after mixing")) : Mono.just(seen));
    }

    /** A wallet, then an audit entry in its own transaction, then a failure: only the audit entry stays. */
    @Transactional
    public Mono<Wallet> openAuditedThenFail(String owner) {
        return open(owner, 3)
                .flatMap(wallet -> audit.record("opened " + owner)
                        .flatMap(entry -> mapper.withSessionMono(session -> Mono.just(session.contains(entry)))))
                .flatMap(innerEntryInOuterSession -> Mono.error(new IllegalStateException(
                        "outer fails; audit entry tracked by the outer session: " + innerEntryInOuterSession)));
    }

    /** Braid's inTransaction inside a Spring transaction joins it (no BEGIN of its own). */
    @Transactional
    public Mono<Wallet> openInBraidTransaction(String owner) {
        return mapper.inTransactionMono(session -> session.add(walletWith(owner, 1)));
    }

    /** A joined inTransaction fails and the caller swallows the error: Spring must not commit. */
    @Transactional
    public Mono<String> swallowFailedInTransaction(String owner) {
        return open(owner, 1)
                .then(mapper.inTransactionMono(session -> session.add(new Wallet(owner + "-2"))
                        .then(Mono.<String>error(new IllegalStateException("inner failure")))))
                .onErrorResume(IllegalStateException.class, e -> Mono.just("swallowed"));
    }

    /** Changes a tracked object after its work ended: the flush before Spring's commit writes it. */
    @Transactional
    public Mono<Wallet> openThenChangeOutsideWork(String owner, int balance) {
        return open(owner).doOnNext(wallet -> wallet.balance = balance);
    }

    /** Two gets in two withSession calls of one transaction: one session, one SELECT, one object. */
    @Transactional
    public Mono<List<Wallet>> readTwice(long id) {
        return mapper.withSessionMono(session -> session.get(Wallet.class, id))
                .flatMap(first -> mapper.withSessionMono(session -> session.get(Wallet.class, id))
                        .map(second -> List.of(first, second)));
    }

    /** Every wallet, streamed in windows inside the Spring transaction (a cursor where the database has one). */
    @Transactional(readOnly = true)
    public Flux<Wallet> streamAll() {
        return mapper.withSession(session -> session.select(Wallet.class).stream(50));
    }

    @Transactional
    public Mono<Void> commitInsideSpring() {
        return mapper.withSessionMono(Session::commit);
    }

    private static Wallet walletWith(String owner, int... amounts) {
        Wallet wallet = new Wallet(owner);
        for (int amount : amounts) {
            wallet.payments.add(new Payment(amount));
        }
        return wallet;
    }
}
