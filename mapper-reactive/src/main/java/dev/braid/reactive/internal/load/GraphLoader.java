package dev.braid.reactive.internal.load;

import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.plan.load.LoadNode;
import dev.braid.core.internal.plan.load.QueryPlanner;
import dev.braid.core.internal.plan.load.RowIdentity;
import dev.braid.core.internal.relation.RelationInternals;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.reactive.internal.exec.WorkObserver;
import io.r2dbc.spi.Connection;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Loads relationships for objects already read, level by level, on the session's connection and only
 * after the parents' own result was fully read: each node of the load tree goes to the loader its
 * strategy picks ({@link Loaders}: {@link SelectinLoader}, {@link JoinedLoader}, no-load, skip), one
 * node after another ({@code concatMap}). A relationship already loaded on an object is left as it is.
 */
public final class GraphLoader {
    private final Loaders loaders;
    private final @Nullable WorkObserver work;
    private final JoinedFill joinedFill;

    /** A loader running its queries through {@code executor}, planned by {@code planner}. */
    public GraphLoader(QueryPlanner planner, StatementExecutor executor) {
        this.loaders = new Loaders(new SelectinLoader(planner, executor, this), new JoinedLoader(this));
        this.joinedFill = new JoinedFill(planner, executor);
        this.work = executor.work();
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
        // Then the subclass tables of the joined-table hierarchy objects read so far (none for most queries).
        return level(connection, target, parents, distinct, nodes, preloaded).then(Mono.defer(() ->
                joinedFill.fill(connection, target.hydrator().takeUnfilled(), target.sessionObjects())));
    }

    private Mono<Void> level(Connection connection, Target target, Collection<?> parents, boolean distinct,
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
        List<Object> owners = ownersOf(node.relationship(), parents);
        RelationshipLoader loader = loaders.of(node, preloaded);
        Mono<Void> load = loader.load(connection, target, owners, node);
        if (work == null || owners.isEmpty() || !loaders.loadsWithQueries(loader, node)) {
            return load;
        }
        // With observers, loading the relationship (and what is below it) is one unit of work.
        RelationshipMapping r = node.relationship();
        return work.load(r.owner().type(), r.attribute(), r.qualifiedName(), load);
    }

    /** The level below {@code node}, for the objects its relationship holds on {@code owners} (deferred). */
    Mono<Void> children(Connection connection, Target target, List<Object> owners, LoadNode node) {
        return Mono.defer(() -> level(connection, target, related(node.relationship(), owners), true,
                node.children(), Set.of()));
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
