package dev.braid.reactive;

import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.relation.RelationInternals;
import dev.braid.core.internal.util.Require;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Relation;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link Session#fetch} and {@link Session#fetchAll}: a relationship of one object loaded through the session's
 * {@link CoalescedLoads} (so fetches of one path issued together run as one statement), then its value.
 */
final class SessionFetches {
    private final MappingRegistry registry;
    private final CoalescedLoads loads;

    SessionFetches(MappingRegistry registry, CoalescedLoads loads) {
        this.registry = registry;
        this.loads = loads;
    }

    /** The object a to-one relationship of {@code owner} refers to, loaded if needed; empty for none. */
    <E, T> Mono<T> one(E owner, Relation<E, T> relation) {
        return Mono.defer(() -> {
            RelationshipMapping r = relationship(owner, relation, false);
            return loads.load(List.of(owner), new Relation<?, ?>[] {relation}).then(Mono.fromCallable(() ->
                    relation.targetType().cast(RelationInternals.peekReference(r.wrapperOf(owner)))));
        });
    }

    /** The objects of a collection relationship of {@code owner}, loaded if needed, as an immutable list. */
    <E, T> Mono<List<T>> all(E owner, Relation<E, T> relation) {
        return Mono.defer(() -> {
            RelationshipMapping r = relationship(owner, relation, true);
            return loads.load(List.of(owner), new Relation<?, ?>[] {relation}).then(Mono.fromCallable(() -> {
                List<T> targets = new ArrayList<>();
                for (Object target : RelationInternals.peekCollection(r.wrapperOf(owner))) {
                    targets.add(relation.targetType().cast(target));
                }
                return List.copyOf(targets);
            }));
        });
    }

    private RelationshipMapping relationship(Object owner, Relation<?, ?> relation, boolean collection) {
        Require.nonNull(owner, "owner");
        RelationshipMapping r = registry.entity(relation.ownerType()).requireRelationship(relation.name());
        if (r.isCollection() != collection) {
            throw new MapperException(ErrorCode.BRAID_ARGUMENT, (collection ? "fetchAll" : "fetch")
                    + "(owner, " + relation + "): " + relation + (collection ? " holds one object" : " is a collection")
                    + ". Fix: use " + (collection ? "fetch" : "fetchAll") + "(owner, " + relation + ")");
        }
        return r;
    }
}
