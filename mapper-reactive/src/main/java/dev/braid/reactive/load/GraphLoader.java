package dev.braid.reactive.load;

import dev.braid.core.hydrate.EntityHydrator;
import dev.braid.core.hydrate.SelectinBatch;
import dev.braid.core.identity.IdentityMap;
import dev.braid.core.meta.LoadStrategy;
import dev.braid.core.meta.RelationshipMapping;
import dev.braid.core.plan.load.LoadNode;
import dev.braid.core.plan.load.QueryPlanner;
import dev.braid.core.plan.load.RowIdentity;
import dev.braid.core.plan.load.SelectinQuery;
import dev.braid.core.relation.RelationInternals;
import dev.braid.reactive.exec.StatementExecutor;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Loads relationships for objects already read, level by level: for each relationship, one query
 * per chunk of parent keys ({@code = ANY($1)} on PostgreSQL, a join on {@code TABLE(k ... = $1)} on
 * H2), run one after another on the session's connection, and only after the parents' own result was
 * fully read. Each row goes straight onto its owner ({@link SelectinBatch}); owners become loaded when
 * every chunk was read, and stay unloaded when one fails or the load is cancelled. Many-to-one
 * targets already held cost no query. Parents without children get an empty, loaded collection. A
 * relationship already loaded on an object is left as it is.
 */
public final class GraphLoader {
    private final QueryPlanner planner;
    private final StatementExecutor executor;

    public GraphLoader(QueryPlanner planner, StatementExecutor executor) {
        this.planner = planner;
        this.executor = executor;
    }

    /**
     * Loads for objects of a session (tracked: every row goes through its identity map).
     *
     * @param preloaded nodes whose relationship the parents' own query already loaded (JOINED): only
     *                  their children are loaded
     */
    public Mono<Void> load(Connection connection, IdentityMap identityMap, EntityHydrator hydrator,
                           Collection<?> parents, List<LoadNode> nodes, Set<LoadNode> preloaded) {
        return load(connection, new Target(identityMap, identityMap, hydrator, RowIdentity.always()),
                parents, false, nodes, preloaded);
    }

    /**
     * @param target    where rows go: the identity map to look held objects up in, the session's map
     *                  when results are tracked (null otherwise), the hydrator, and which rows need lookups
     * @param distinct  whether {@code parents} holds no object twice (a query's roots), so it needs no check
     */
    public Mono<Void> load(Connection connection, Target target, Collection<?> parents, boolean distinct,
                           List<LoadNode> nodes, Set<LoadNode> preloaded) {
        if (parents.isEmpty() || nodes.isEmpty()) {
            return Mono.empty();
        }
        List<Object> owners = distinct ? asList(parents) : distinct(parents);
        if (nodes.size() == 1) {
            return loadNode(connection, target, owners, nodes.get(0), preloaded);
        }
        return Flux.fromIterable(nodes)
                .concatMap(node -> loadNode(connection, target, owners, node, preloaded))
                .then();
    }

    /** Where a load's rows go. */
    public record Target(IdentityMap identityMap, IdentityMap sessionObjects, EntityHydrator hydrator,
                         RowIdentity rowIdentity) {}

    private Mono<Void> loadNode(Connection connection, Target target, List<Object> parents, LoadNode node,
                                Set<LoadNode> preloaded) {
        RelationshipMapping r = node.relationship();
        List<Object> owners = ownersOf(r, parents);
        LoadStrategy strategy = node.strategy();
        if (r.isWriteOnly()) {
            if (strategy == LoadStrategy.RAISE || strategy == LoadStrategy.NOLOAD || strategy == LoadStrategy.WRITE_ONLY) {
                return Mono.empty();
            }
            return Mono.error(new dev.braid.core.error.MapperException(dev.braid.core.error.ErrorCode.BRAID_QUERY,
                    r.qualifiedName() + " is WRITE_ONLY and is never loaded. Fix: query it with session.select("
                    + r.owner().name().toLowerCase(java.util.Locale.ROOT) + "." + r.attribute() + ")"));
        }
        if (strategy == LoadStrategy.RAISE || strategy == LoadStrategy.WRITE_ONLY || owners.isEmpty()) {
            return Mono.empty();
        }
        if (strategy == LoadStrategy.NOLOAD) {
            for (Object owner : owners) {
                Object wrapper = r.wrapperOf(owner);
                if (RelationInternals.isLoaded(wrapper)) continue;
                if (r.isCollection()) RelationInternals.loadCollection(wrapper, List.of());
                else RelationInternals.noloadReference(wrapper);
            }
            return Mono.empty();
        }
        Mono<Void> self = preloaded.contains(node) ? Mono.empty() : selectin(connection, target, owners, node);
        if (node.children().isEmpty()) {
            return self;
        }
        return self.then(Mono.defer(() -> load(connection, target, related(r, owners), true, node.children(), Set.of())));
    }

    private static List<Object> ownersOf(RelationshipMapping r, List<Object> parents) {
        Class<?> ownerType = r.owner().type();
        for (int i = 0; i < parents.size(); i++) {
            if (!ownerType.isInstance(parents.get(i))) {
                List<Object> owners = new ArrayList<>(parents.size());
                for (Object p : parents) if (ownerType.isInstance(p)) owners.add(p);
                return owners;
            }
        }
        return parents; // the common case: every parent owns the relationship
    }

    private Mono<Void> selectin(Connection connection, Target target, List<Object> owners, LoadNode node) {
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
                .doOnSuccess(v -> batch.complete())
                .doOnError(e -> batch.abandon())
                .doOnCancel(batch::abandon);
    }

    private Mono<Void> chunkQuery(Connection connection, SelectinBatch batch, RelationshipMapping r, List<Object> keys) {
        return Mono.defer(() -> {
            SelectinQuery query = planner.selectin(r, keys);
            return executor.consume(connection, query.sql(), row -> batch.row(row, query), true).then();
        });
    }

    private static List<Object> related(RelationshipMapping r, List<Object> owners) {
        List<Object> out = new ArrayList<>();
        for (Object owner : owners) {
            Object wrapper = r.wrapperOf(owner);
            if (!RelationInternals.isLoaded(wrapper)) continue;
            if (r.isCollection()) out.addAll(RelationInternals.peekCollection(wrapper));
            else {
                Object target = RelationInternals.peekReference(wrapper);
                if (target != null) out.add(target);
            }
        }
        return distinct(out);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Collection<?> objects) {
        return objects instanceof List<?> list ? (List<Object>) list : new ArrayList<>(objects);
    }

    private static List<Object> distinct(Collection<?> objects) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> out = new ArrayList<>(objects.size());
        for (Object o : objects) if (seen.add(o)) out.add(o);
        return out;
    }
}
