package dev.braid.reactive;

import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A mapper's replicas as its sessions see them: where read-only reads run ({@link ReplicaRouter}), and the log
 * positions of commits that those reads must see ({@link WritePositions}). Made once per mapper with replicas.
 */
final class ReplicaReads {
    private final ReplicaRouter router;
    private final WritePositions positions;

    ReplicaReads(ReplicaRouter router, WritePositions positions) {
        this.router = router;
        this.positions = positions;
    }

    WritePositions positions() {
        return positions;
    }

    /**
     * A connection for a read-only session: a replica's that has replayed the subscriber's last write (its
     * {@link ReadYourWrites}, else the mapper's latest commit), else {@code primary}.
     */
    Mono<Connection> connection(String operation, Mono<Connection> primary) {
        return Mono.deferContextual(context -> router.connection(positions.required(context), operation))
                .switchIfEmpty(primary);
    }

    /**
     * {@code read} on a replica connection that has replayed the subscriber's last write, released when the read
     * ends; when no replica can serve it in time, {@code onPrimary} (on the session's own connection).
     */
    <T> Flux<T> read(String operation, Function<Connection, Flux<T>> read, Supplier<Flux<T>> onPrimary) {
        return Flux.deferContextual(context -> router.connection(positions.required(context), operation)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMapMany(replica -> replica.isEmpty() ? onPrimary.get() : Flux.usingWhen(Mono.just(replica.get()),
                        read, ReplicaReads::close, (c, e) -> close(c), ReplicaReads::close)));
    }

    private static Mono<Void> close(Connection connection) {
        return Mono.defer(() -> Mono.from(connection.close())).onErrorResume(e -> Mono.empty());
    }
}
