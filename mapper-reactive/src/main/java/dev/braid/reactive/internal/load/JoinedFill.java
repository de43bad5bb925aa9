package dev.braid.reactive.internal.load;

import dev.braid.core.internal.hydrate.JoinedRows;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.JoinedTables;
import dev.braid.core.internal.plan.load.QueryPlanner;
import dev.braid.reactive.internal.exec.StatementExecutor;
import io.r2dbc.spi.Connection;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The second step of reading a joined-table hierarchy (SQLAlchemy's {@code selectin_polymorphic}): for the
 * objects just read from the base table, one query per subclass table present among them, per chunk of keys,
 * parents' tables first, filling in their subclass columns before anyone sees them.
 */
final class JoinedFill {
    private final QueryPlanner planner;
    private final StatementExecutor executor;

    JoinedFill(QueryPlanner planner, StatementExecutor executor) {
        this.planner = planner;
        this.executor = executor;
    }

    /** Reads the subclass tables of the objects {@code rows} holds; {@code sessionObjects} null for detached ones. */
    Mono<Void> fill(Connection connection, JoinedRows rows, @Nullable IdentityMap sessionObjects) {
        if (rows.isEmpty()) return Mono.empty();
        List<Mono<Long>> queries = new ArrayList<>();
        int chunk = Math.max(1, planner.dialect().defaultInListChunkSize());
        for (EntityMapping mapping : rows.mappings()) {
            for (JoinedTables.Part part : mapping.hierarchy().joined().parts()) {
                Map<Object, Object> objects = rows.byKey(mapping, part);
                List<Object> keys = new ArrayList<>(objects.keySet());
                for (int i = 0; i < keys.size(); i += chunk) {
                    List<Object> slice = keys.subList(i, Math.min(keys.size(), i + chunk));
                    queries.add(Mono.defer(() -> executor.consume(connection, planner.subclassRows(mapping, part, slice),
                            row -> JoinedRows.apply(mapping, part, row, objects, sessionObjects), true)));
                }
            }
        }
        return Flux.concat(queries).then();
    }
}
