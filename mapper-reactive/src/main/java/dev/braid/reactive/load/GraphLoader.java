package dev.braid.reactive.load;

import dev.braid.core.hydrate.EntityHydrator;
import dev.braid.core.identity.EntityState;
import dev.braid.core.identity.IdentityMap;
import dev.braid.core.meta.ColumnMapping;
import dev.braid.core.meta.EntityKey;
import dev.braid.core.meta.EntityMapping;
import dev.braid.core.meta.LoadStrategy;
import dev.braid.core.meta.RelationshipMapping;
import dev.braid.core.plan.load.LoadNode;
import dev.braid.core.plan.load.QueryPlanner;
import dev.braid.core.plan.load.SelectinQuery;
import dev.braid.core.relation.RelationInternals;
import dev.braid.reactive.exec.StatementExecutor;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads relationships for objects already read, level by level: for each relationship, one query
 * per chunk of parent keys ({@code = ANY($1)} on PostgreSQL, {@code IN (...)} on H2), run one after
 * another on the session's connection, and only after the parents' own result was fully read.
 * Many-to-one targets the session already holds cost no query. Parents without children get an
 * empty, loaded collection. A relationship already loaded on an object is left as it is.
 */
public final class GraphLoader {
    private final QueryPlanner planner;
    private final StatementExecutor executor;

    public GraphLoader(QueryPlanner planner, StatementExecutor executor) {
        this.planner = planner;
        this.executor = executor;
    }

    /**
     * @param preloaded nodes whose relationship the parents' own query already loaded (JOINED): only
     *                  their children are loaded
     */
    public Mono<Void> load(Connection connection, IdentityMap identityMap, EntityHydrator hydrator,
                           Collection<?> parents, List<LoadNode> nodes, Set<LoadNode> preloaded) {
        if (parents.isEmpty() || nodes.isEmpty()) {
            return Mono.empty();
        }
        List<Object> distinct = distinct(parents);
        return Flux.fromIterable(nodes)
                .concatMap(node -> loadNode(connection, identityMap, hydrator, distinct, node, preloaded))
                .then();
    }

    private Mono<Void> loadNode(Connection connection, IdentityMap identityMap, EntityHydrator hydrator,
                                List<Object> parents, LoadNode node, Set<LoadNode> preloaded) {
        RelationshipMapping r = node.relationship();
        List<Object> owners = new ArrayList<>();
        for (Object p : parents) {
            if (r.owner().type().isInstance(p)) owners.add(p);
        }
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
        Mono<Void> self = preloaded.contains(node) ? Mono.empty() : selectin(connection, identityMap, hydrator, owners, node);
        if (node.children().isEmpty()) {
            return self;
        }
        return self.then(Mono.defer(() -> load(connection, identityMap, hydrator, related(r, owners), node.children(), Set.of())));
    }

    private Mono<Void> selectin(Connection connection, IdentityMap identityMap, EntityHydrator hydrator,
                                List<Object> owners, LoadNode node) {
        RelationshipMapping r = node.relationship();
        List<Object> needing = new ArrayList<>();
        Set<Object> keys = new LinkedHashSet<>();
        for (Object owner : owners) {
            Object wrapper = r.wrapperOf(owner);
            if (RelationInternals.isLoaded(wrapper)) continue;
            Object key = r.localColumn().getForDatabase(owner);
            if (key == null) {
                // No foreign key (or no id yet): nothing to load, and that is known for certain.
                if (r.isCollection()) RelationInternals.loadCollection(wrapper, List.of());
                else RelationInternals.loadReference(wrapper, null);
                continue;
            }
            if (r.ownsForeignKey() && heldTarget(identityMap, r, owner) != null) {
                RelationInternals.loadReference(wrapper, heldTarget(identityMap, r, owner));
                continue;
            }
            needing.add(owner);
            keys.add(key);
        }
        if (needing.isEmpty()) {
            return Mono.empty();
        }
        int chunk = planner.chunkSize(r, node.chunkSize());
        List<List<Object>> chunks = chunks(new ArrayList<>(keys), chunk);
        EntityMapping target = r.target();
        Map<Object, List<Object>> byKey = new HashMap<>();
        return Flux.fromIterable(chunks)
                .concatMap(keyChunk -> {
                    SelectinQuery query = planner.selectin(r, keyChunk);
                    ColumnMapping keyColumn = r.remoteColumn();
                    return executor.queryBounded(connection, query.sql(), row -> {
                        Object entity = hydrator.hydrate(target, row, query.targetOffset());
                        // Taken from the object when it holds the value: a second decode of the column costs more.
                        Object key = query.keyIsTargetColumn() ? keyColumn.getForDatabase(entity)
                                : row.get(query.keyIndex(), query.keyType());
                        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(entity);
                        return entity;
                    }).then();
                })
                .then(Mono.fromRunnable(() -> assign(identityMap, r, needing, byKey)));
    }

    private static Object heldTarget(IdentityMap identityMap, RelationshipMapping r, Object owner) {
        EntityMapping target = r.target();
        if (target.idColumns().size() != 1 || target.idColumns().get(0) != r.remoteColumn()) return null;
        Object id = r.localColumn().get(owner);
        return id == null ? null : identityMap.get(new EntityKey(target.type(), id));
    }

    private static void assign(IdentityMap identityMap, RelationshipMapping r, List<Object> owners,
                               Map<Object, List<Object>> byKey) {
        RelationshipMapping reverse = r.reverse();
        for (Object owner : owners) {
            Object wrapper = r.wrapperOf(owner);
            if (RelationInternals.isLoaded(wrapper)) continue; // loaded meanwhile (a cycle in the graph)
            List<Object> found = byKey.getOrDefault(r.localColumn().getForDatabase(owner), List.of());
            if (r.isCollection()) {
                RelationInternals.loadCollection(wrapper, found);
                EntityState state = identityMap.stateOf(owner);
                // The loader's list is not used after this: the snapshot keeps it (the wrapper copied it).
                if (state != null) state.adoptCollectionSnapshot(r, found);
            } else {
                RelationInternals.loadReference(wrapper, found.isEmpty() ? null : found.get(0));
            }
            // The children's reference back to this owner is known now too (one-to-many, reverse one-to-one).
            if (reverse != null && !r.ownsForeignKey() && r.direction() != RelationshipMapping.Direction.MANY_TO_MANY) {
                for (Object child : found) {
                    Object back = reverse.wrapperOf(child);
                    if (!RelationInternals.isLoaded(back)) RelationInternals.loadReference(back, owner);
                }
            }
        }
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

    private static List<Object> distinct(Collection<?> objects) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> out = new ArrayList<>(objects.size());
        for (Object o : objects) if (seen.add(o)) out.add(o);
        return out;
    }

    private static List<List<Object>> chunks(List<Object> keys, int size) {
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += size) {
            out.add(keys.subList(i, Math.min(keys.size(), i + size)));
        }
        return out;
    }
}
