package dev.braid.reactive.internal.load;

import dev.braid.core.internal.plan.load.LoadNode;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * JOINED, for a node the parents' own statement already loaded (a LEFT OUTER JOIN assembled by
 * {@link dev.braid.core.internal.hydrate.JoinedRowAssembler}): nothing to query for the relationship itself,
 * only the level below it, for the objects it loaded.
 */
final class JoinedLoader implements RelationshipLoader {
    private final GraphLoader graph;

    JoinedLoader(GraphLoader graph) {
        this.graph = graph;
    }

    @Override
    public Mono<Void> load(Connection connection, GraphLoader.Target target, List<Object> owners, LoadNode node) {
        if (owners.isEmpty() || node.children().isEmpty()) return Mono.empty();
        return graph.children(connection, target, owners, node);
    }
}
