package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.EntityStatus;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.Boxing;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.relation.RelationInternals;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Plans {@code session.deleteByKeys(type, ids)}: the statements of the {@link KeyDeleteTree} for each
 * chunk of keys (a chunk is self-contained: its children, link rows and detached children, then its
 * roots), as a {@link FlushPlan} run like a flush. A statement about rows of an entity the session holds
 * objects of reads back the written rows' ids ({@code RETURNING}; H2: {@code OLD}/{@code FINAL TABLE}):
 * held objects of deleted rows leave the session, held children detached from a deleted parent lose the
 * foreign key, and once every statement succeeded loaded collections of the session's objects drop the
 * objects that left. A rollback undoes all of it. Where UPDATE returns no rows (MariaDB) a NULLIFY statement is
 * preceded by {@code SELECT <ids> ... FOR UPDATE} of the rows it detaches, when the session holds objects of them.
 */
public final class KeyDeletes {
    private final MappingRegistry registry;
    private final IdentityMap identityMap;
    private final SqlRenderer renderer;
    private final int chunkSize;

    /** @param chunkSize root keys per statement (the flush's delete batch size) */
    KeyDeletes(MappingRegistry registry, IdentityMap identityMap, SqlRenderer renderer, int chunkSize) {
        this.registry = registry;
        this.identityMap = identityMap;
        this.renderer = renderer;
        this.chunkSize = chunkSize;
    }

    /** The plan and the root table, whose deleted-row count is the operation's result. */
    public record Planned(FlushPlan plan, String rootTable) {}

    /** Plans the delete; bad input (an unmapped type, a null or mistyped key, a mapping it cannot serve) fails here. */
    public Planned plan(Class<?> type, Iterable<?> ids) {
        if (type == null) throw new MapperException(ErrorCode.BRAID_ARGUMENT, "deleteByKeys(type, ids): type is null");
        EntityMapping mapping = registry.entity(type);
        KeyDeleteTree tree = KeyDeleteTree.of(mapping);
        List<Object> keys = keys(mapping, ids);
        Deque<Runnable> undo = new ArrayDeque<>();
        Set<Object> removed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<WriteStep> steps = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += chunkSize) {
            List<Object> chunk = List.copyOf(keys.subList(from, Math.min(keys.size(), from + chunkSize)));
            for (KeyDeleteTree.Node node : tree.nodes()) {
                if (node.kind() == KeyDeleteTree.Kind.NULLIFY && !renderer.dialect().returning().fromUpdate()) {
                    steps.add(lockDetached(tree, node, chunk, undo));
                }
                steps.add(step(tree, node, chunk, undo, removed));
            }
        }
        return new Planned(new FlushPlan(steps, undo, () -> HeldCollections.dropRemoved(identityMap, removed, undo)),
                mapping.table());
    }

    /** The keys as driver values, checked: none null, each of the id's type. */
    private static List<Object> keys(EntityMapping mapping, Iterable<?> ids) {
        String what = "deleteByKeys(" + mapping.name() + ".class, ids)";
        if (ids == null) throw new MapperException(ErrorCode.BRAID_ARGUMENT, what + ": ids is null. Fix: pass a collection of ids");
        ColumnMapping id = mapping.idColumns().get(0);
        Class<?> expected = Boxing.boxed(id.type().javaClass());
        List<Object> keys = new ArrayList<>();
        int i = 0;
        for (Object value : ids) {
            if (value == null) {
                throw new MapperException(ErrorCode.BRAID_ARGUMENT, what + ": ids[" + i + "] is null; no row has a null "
                        + id.qualifiedName() + ". Fix: filter the nulls out (ids of objects not flushed yet are null)");
            }
            if (!expected.isInstance(value)) {
                throw new MapperException(ErrorCode.BRAID_ARGUMENT, what + ": " + id.qualifiedName() + " is "
                        + expected.getSimpleName() + " but ids[" + i + "] is " + value.getClass().getSimpleName() + " " + value
                        + ". Fix: pass " + expected.getSimpleName() + " ids" + (expected == Long.class ? " (e.g. 1L)" : ""));
            }
            keys.add(id.type().toDatabase(value));
            i++;
        }
        return keys;
    }

    private WriteStep step(KeyDeleteTree tree, KeyDeleteTree.Node node, List<Object> keys, Deque<Runnable> undo,
                           Set<Object> removed) {
        EntityMapping entity = node.entity();
        boolean links = node.kind() == KeyDeleteTree.Kind.LINKS;
        String table = links ? node.relationship().link().table() : entity.table();
        WriteStep.Kind kind = node.kind() == KeyDeleteTree.Kind.NULLIFY ? WriteStep.Kind.UPDATE
                : links ? WriteStep.Kind.LINK_DELETE : WriteStep.Kind.DELETE;
        Step step = new Step(kind, List.of(), entity.type(), table);
        step.renderer = () -> {
            // Decided when its turn comes: only rows the session may hold objects of are read back.
            // Where UPDATE returns no rows, a NULLIFY's held rows were read by its lockDetached step.
            boolean held = !links && identityMap.holds(entity.type())
                    && (kind != WriteStep.Kind.UPDATE || renderer.dialect().returning().fromUpdate());
            step.returned = held ? entity.idColumns().stream().<Class<?>>map(c -> c.type().databaseClass()).toList() : List.of();
            step.outcome = !held ? (count, rows) -> { } : (count, rows) -> {
                for (Object[] row : rows) {
                    EntityState state = heldState(entity, row);
                    if (state == null) continue;
                    if (node.kind() == KeyDeleteTree.Kind.DELETE) forget(state, undo, removed);
                    else detach(state, node.relationship(), undo);
                }
            };
            RenderedSql sql = renderer.render(tree.statement(node, keys, held));
            return sql.withOrigin(StatementOrigin.flushStep(kind.name(), entity.type()));
        };
        return step;
    }

    /**
     * Where UPDATE returns no rows (MariaDB), before a NULLIFY statement: when the session holds objects of the
     * children, {@code SELECT <ids> ... FOR UPDATE} of the rows it will detach locks them and names the held ones,
     * which lose their foreign key as PostgreSQL's {@code RETURNING} would tell; the UPDATE that follows
     * ({@link #step}) then returns nothing. The step counts as the UPDATE's (its origin is the UPDATE flush step).
     */
    private WriteStep lockDetached(KeyDeleteTree tree, KeyDeleteTree.Node node, List<Object> keys, Deque<Runnable> undo) {
        EntityMapping entity = node.entity();
        Step lock = new Step(WriteStep.Kind.UPDATE, List.of(), entity.type(), entity.table());
        lock.renderer = () -> {
            if (!identityMap.holds(entity.type())) return null; // nothing held: the UPDATE alone
            lock.returned = entity.idColumns().stream().<Class<?>>map(c -> c.type().databaseClass()).toList();
            lock.outcome = (count, rows) -> {
                for (Object[] row : rows) {
                    EntityState state = heldState(entity, row);
                    if (state != null) detach(state, node.relationship(), undo);
                }
            };
            return renderer.render(tree.lockDetached(node, keys));
        };
        return lock;
    }

    private EntityState heldState(EntityMapping entity, Object[] row) {
        Object object = identityMap.get(entity.keyOfReturned(row));
        return object == null ? null : identityMap.stateOf(object);
    }

    private void forget(EntityState state, Deque<Runnable> undo, Set<Object> removed) {
        EntityStatus status = state.status();
        identityMap.remove(state);
        removed.add(state.entity());
        undo.push(() -> {
            identityMap.reinstate(state, status);
            removed.remove(state.entity());
        });
    }

    /** A held child of a deleted parent, without a DELETE cascade: its foreign key (and loaded reference) become null. */
    private void detach(EntityState child, RelationshipMapping r, Deque<Runnable> undo) {
        ColumnMapping fk = r.remoteColumn();
        Object previous = fk.get(child.entity());
        Object[] before = child.snapshot();
        if (before != null) {
            Object[] after = before.clone();
            after[fk.index()] = null;
            identityMap.updated(child, after);
        }
        fk.set(child.entity(), null);
        Object reference = r.reverse() == null ? null : r.reverse().wrapperOf(child.entity());
        Object parent = reference != null && RelationInternals.isLoaded(reference) ? RelationInternals.peekReference(reference) : null;
        if (parent != null) RelationInternals.loadReference(reference, null);
        undo.push(() -> {
            fk.set(child.entity(), previous);
            if (before != null) identityMap.updated(child, before);
            if (parent != null) RelationInternals.loadReference(reference, parent);
        });
    }
}
