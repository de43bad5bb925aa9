package dev.braid.reactive.internal.load;

import dev.braid.core.internal.hydrate.SelectinBatch;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.plan.load.LoadNode;
import dev.braid.core.internal.plan.load.QueryPlanner;
import dev.braid.core.internal.plan.load.SelectinQuery;
import dev.braid.reactive.internal.exec.StatementExecutor;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * SELECTIN (SQLAlchemy's {@code SelectInLoader}): one query per chunk of the owners' keys, run one
 * after another; each row goes straight onto its owner ({@link SelectinBatch}), and the owners become
 * loaded when every chunk was read (they stay unloaded when one fails or the load is cancelled).
 * Many-to-one targets already held cost no query. Then the level below, for the objects loaded.
 */
final class SelectinLoader implements RelationshipLoader {
    private final QueryPlanner planner;
    private final StatementExecutor executor;
    private final GraphLoader graph;

    SelectinLoader(QueryPlanner planner, StatementExecutor executor, GraphLoader graph) {
        this.planner = planner;
        this.executor = executor;
        this.graph = graph;
    }

    @Override
    public Mono<Void> load(Connection connection, GraphLoader.Target target, List<Object> owners, LoadNode node) {
        if (owners.isEmpty()) return Mono.empty();
        Mono<Void> self = selectin(connection, target, owners, node);
        return node.children().isEmpty() ? self : self.then(graph.children(connection, target, owners, node));
    }

    private Mono<Void> selectin(Connection connection, GraphLoader.Target target, List<Object> owners, LoadNode node) {
        RelationshipMapping r = node.relationship();
        SelectinBatch batch = SelectinBatch.prepare(r, owners, target.identityMap(), target.sessionObjects(),
                target.hydrator(), target.rowIdentity().rowsOf(node));
        if (batch.isEmpty()) {
            return Mono.empty();
        }
        List<Object> keys = batch.keys();
        int chunk = planner.chunkSize(r, node.chunkSize());
        Mono<Void> queries;
        if (keys.size() <= chunk) {
            queries = chunkQuery(connection, batch, r, keys);
        } else {
            queries = Flux.range(0, (keys.size() + chunk - 1) / chunk)
                    .concatMap(i -> chunkQuery(connection, batch, r, keys.subList(i * chunk, Math.min(keys.size(), (i + 1) * chunk))))
                    .then();
        }
        return queries
                .doOnSuccess(v -> batch.complete(r.memberOrder(planner.dialect().nullsSortHigh())))
                .doOnError(e -> batch.abandon())
                .doOnCancel(batch::abandon);
    }

    private Mono<Void> chunkQuery(Connection connection, SelectinBatch batch, RelationshipMapping r, List<Object> keys) {
        return Mono.defer(() -> {
            SelectinQuery query = planner.selectin(r, keys);
            return executor.consume(connection, query.sql(), row -> batch.row(row, query), true).then();
        });
    }
}
