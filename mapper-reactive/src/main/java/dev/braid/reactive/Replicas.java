package dev.braid.reactive;

import dev.braid.dialect.Dialect;
import dev.braid.dialect.Replication;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.reactive.internal.exec.StatementExecutor;
import io.r2dbc.spi.ConnectionFactory;
import org.jspecify.annotations.Nullable;

import java.util.List;

/** Makes a mapper's {@link ReplicaReads} from its builder's replicas, after checking the dialect can route to them. */
final class Replicas {
    private Replicas() {}

    static @Nullable ReplicaReads of(List<ConnectionFactory> factories, ReplicaOptions options, Dialect dialect,
                                     StatementExecutor executor, ConnectionSource primary) {
        if (factories.isEmpty()) return null;
        Replication replication = dialect.replication().orElseThrow(() -> new MapperException(ErrorCode.BRAID_ARGUMENT,
                "Mapper.builder(...).replicas(...) needs a dialect that reads log positions, to keep reads on replicas"
                        + " from being older than the reader's writes; " + dialect.name() + " has none"
                        + " (Dialect.replication() is empty). Fix: use replicas with PostgreSQL, or leave them out"));
        List<ConnectionSource> sources = factories.stream()
                .map(factory -> new ConnectionSource(factory, options.acquireTimeout())).toList();
        return new ReplicaReads(new ReplicaRouter(sources, replication, executor, options),
                new WritePositions(replication, executor, primary));
    }
}
