package dev.braid.core.internal.plan.merge;

import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.annotation.Cascade;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityKey;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.plan.flush.UnitOfWork;
import dev.braid.core.internal.relation.RelationInternals;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code session.merge(detached)} as pure steps (SQLAlchemy's {@code Session.merge}): for each
 * object of the detached graph, {@link #start} says whether it is merged already, resolved at once
 * (the object is the session's own, the session holds its key, or it has no key), or needs its row
 * read by key first; {@link #resolve} then copies the detached columns onto the session's object (or
 * adds a copy as new when no row exists) and names the relationships to merge next: those with the
 * MERGE cascade that are loaded on the detached object. The caller runs the reads and walks the graph.
 *
 * <p>One instance per merge call: it remembers which detached objects were merged into which copies,
 * so shared and cyclic references are merged once.
 */
public final class GraphMerge {
    private final MappingRegistry registry;
    private final IdentityMap identityMap;
    private final UnitOfWork unitOfWork;
    private final Map<Object, Object> merged = new IdentityHashMap<>();

    /** A merge into the session whose objects are {@code identityMap} and whose changes {@code unitOfWork} tracks. */
    public GraphMerge(MappingRegistry registry, IdentityMap identityMap, UnitOfWork unitOfWork) {
        this.registry = registry;
        this.identityMap = identityMap;
        this.unitOfWork = unitOfWork;
    }

    /** What merging one object needs first. */
    public sealed interface Step permits Merged, Resolved, Read {}

    /** The object was merged earlier in this call, into {@code copy}: nothing more to do. */
    public record Merged(Object copy) implements Step {}

    /**
     * The object is merged into {@code target}; the relationships to merge next follow (none when
     * the object is the session's own).
     */
    public record Resolved(Object target, List<RelationshipMerge> relationships) implements Step {}

    /** The session does not hold the key: read the row with {@code key}, then call {@link #resolve}. */
    public record Read(EntityKey key) implements Step {}

    /** The first step of merging {@code detached}. */
    public Step start(Object detached) {
        Object done = merged.get(detached);
        if (done != null) return new Merged(done);
        if (identityMap.contains(detached)) return resolve(detached, detached);
        EntityKey key = registry.entity(detached.getClass()).keyOf(detached);
        if (key == null) return resolve(detached, null);
        Object held = identityMap.get(key);
        return held != null ? resolve(detached, detached.getClass().cast(held)) : new Read(key);
    }

    /**
     * Merges {@code detached} into {@code persistent}, the session's object with its key: its columns
     * are copied over (the flush writes the difference). With no such object ({@code null}), a copy
     * is added to the session as new.
     */
    public Resolved resolve(Object detached, Object persistent) {
        EntityMapping mapping = registry.entity(detached.getClass());
        Object target = persistent == null ? addCopy(mapping, detached) : persistent;
        if (persistent != null && persistent != detached) {
            for (ColumnMapping column : mapping.columns()) {
                if (!column.isId()) column.set(target, column.get(detached));
            }
        }
        merged.put(detached, target);
        if (target == detached) return new Resolved(target, List.of());
        List<RelationshipMerge> next = new ArrayList<>();
        for (RelationshipMapping r : mapping.relationships()) {
            if (r.cascades(Cascade.MERGE) && !r.isWriteOnly() && RelationInternals.isLoaded(r.wrapperOf(detached))) {
                next.add(new RelationshipMerge(r, detached, target));
            }
        }
        return new Resolved(target, next);
    }

    private Object addCopy(EntityMapping mapping, Object detached) {
        Object[] values = new Object[mapping.columns().size()];
        for (ColumnMapping column : mapping.columns()) values[column.index()] = column.get(detached);
        Object copy = detached.getClass().cast(mapping.instantiate(values));
        unitOfWork.add(copy);
        return copy;
    }
}
