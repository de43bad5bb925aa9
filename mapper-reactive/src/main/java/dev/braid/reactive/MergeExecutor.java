package dev.braid.reactive;

import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.plan.flush.UnitOfWork;
import dev.braid.core.internal.plan.load.LoadNode;
import dev.braid.core.internal.plan.load.QueryPlanner;
import dev.braid.core.internal.plan.merge.GraphMerge;
import dev.braid.core.internal.plan.merge.RelationshipMerge;
import dev.braid.reactive.internal.load.GraphLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;

/**
 * Runs a {@link GraphMerge}: the reads it asks for (a row by key, after an autoflush, through the
 * session's rows; a collection to load before it is replaced), one after another, walking the
 * detached graph depth first.
 */
final class MergeExecutor {
    private final MappingRegistry registry;
    private final QueryPlanner planner;
    private final RowReader rows;
    private final GraphLoader graphLoader;
    private final SessionTransaction transaction;
    private final IdentityMap identityMap;
    private final EntityHydrator hydrator;
    private final UnitOfWork unitOfWork;

    MergeExecutor(MappingRegistry registry, QueryPlanner planner, RowReader rows, GraphLoader graphLoader,
                  SessionTransaction transaction, IdentityMap identityMap, EntityHydrator hydrator, UnitOfWork unitOfWork) {
        this.registry = registry;
        this.planner = planner;
        this.rows = rows;
        this.graphLoader = graphLoader;
        this.transaction = transaction;
        this.identityMap = identityMap;
        this.hydrator = hydrator;
        this.unitOfWork = unitOfWork;
    }

    /** Merges {@code entity} and what its loaded MERGE-cascading relationships reach; emits the session's copy. */
    <T> Mono<T> merge(T entity) {
        @SuppressWarnings("unchecked") Class<T> type = (Class<T>) entity.getClass();
        return merge(new GraphMerge(registry, identityMap, unitOfWork), entity).map(type::cast);
    }

    private Mono<Object> merge(GraphMerge merge, Object entity) {
        GraphMerge.Step first = merge.start(entity);
        if (first instanceof GraphMerge.Merged done) return Mono.just(done.copy());
        Mono<GraphMerge.Resolved> resolved;
        if (first instanceof GraphMerge.Read read) {
            resolved = transaction.autoflush()
                    .then(rows.tracked(planner.get(read.key()), Object.class).singleOrEmpty())
                    .map(found -> merge.resolve(entity, found))
                    .switchIfEmpty(Mono.fromSupplier(() -> merge.resolve(entity, null)));
        } else {
            resolved = Mono.just((GraphMerge.Resolved) first);
        }
        return resolved.flatMap(r -> r.relationships().isEmpty() ? Mono.just(r.target())
                : Flux.fromIterable(r.relationships())
                        .concatMap(step -> relationship(merge, step))
                        .then(Mono.just(r.target())));
    }

    private Mono<Void> relationship(GraphMerge merge, RelationshipMerge step) {
        List<Object> members = step.members();
        LoadNode load = step.loadFirst();
        Mono<Void> loaded = load == null ? Mono.empty()
                : graphLoader.load(transaction.connection(), identityMap, hydrator, List.of(step.target()), List.of(load), Set.of());
        return loaded.thenMany(Flux.fromIterable(members).concatMap(m -> Mono.defer(() -> merge(merge, m))))
                .collectList()
                .doOnNext(step::assign)
                .then();
    }
}
