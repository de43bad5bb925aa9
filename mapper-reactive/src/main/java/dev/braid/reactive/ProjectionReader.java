package dev.braid.reactive;

import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.hydrate.ProjectionRows;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.plan.load.ProjectionPlan;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.reactive.internal.load.GraphLoader;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * Runs a session's projection plans on its connection: rows straight to the caller when nothing follows
 * them; otherwise the whole result first (a relationship query must not start while it is open), then
 * the tree a recursive common table read is assembled, then the selected entities' default loads run,
 * then the rows are emitted. Entities go through the session's hydrator, so they are its tracked objects.
 */
final class ProjectionReader {
    private final Connection connection;
    private final StatementExecutor executor;
    private final GraphLoader graphLoader;
    private final IdentityMap identityMap;
    private final EntityHydrator hydrator;

    ProjectionReader(Connection connection, StatementExecutor executor, GraphLoader graphLoader,
                     IdentityMap identityMap, EntityHydrator hydrator) {
        this.connection = connection;
        this.executor = executor;
        this.graphLoader = graphLoader;
        this.identityMap = identityMap;
        this.hydrator = hydrator;
    }

    /** The plan's results ({@link ProjectionRows#NULL} for a null one). */
    Flux<Object> read(ProjectionPlan plan) {
        ProjectionRows rows = new ProjectionRows(plan, hydrator);
        if (plan.streamable()) {
            return executor.query(connection, plan.sql(), rows::row);
        }
        return executor.consume(connection, plan.sql(), rows::collect, false)
                .then(Mono.fromRunnable(() -> rows.assembleTree(identityMap)))
                .thenMany(Flux.fromIterable(plan.loads())
                        .concatMap(load -> graphLoader.load(connection, identityMap, hydrator,
                                rows.entitiesOf(load.selection()), load.nodes(), Set.of())))
                .thenMany(Flux.defer(() -> Flux.fromIterable(rows.results())));
    }
}
