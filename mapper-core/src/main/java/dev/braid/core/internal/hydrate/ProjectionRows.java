package dev.braid.core.internal.hydrate;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.plan.load.ProjectionPlan;
import dev.braid.core.internal.relation.RelationInternals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results of a projection's rows: each selection's value read as planned, a selected entity through
 * the hydrator (the session's tracked object for its key; null for the missing side of an outer join),
 * the values put in the planned shape. When the plan needs the whole result first ({@link #collect}),
 * it also keeps each selected entity's objects, to load their relationships after the rows, and
 * assembles the tree a recursive common table read: each node's relationship filled from the rows.
 *
 * <p>Pure: fed {@link RowView}s by whoever reads the result.
 */
public final class ProjectionRows {
    /** Stands for a row whose result is null (one selected value that is NULL): streams carry no nulls. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() { return "NULL"; }
    };

    private final ProjectionPlan plan;
    private final EntityHydrator hydrator;
    private final ValueReader[] readers;
    private final List<Object> results = new ArrayList<>();
    private final Map<Integer, List<Object>> entities = new HashMap<>();
    private final Map<Object, Integer> levels = new IdentityHashMap<>();

    public ProjectionRows(ProjectionPlan plan, EntityHydrator hydrator) {
        this.plan = plan;
        this.hydrator = hydrator;
        this.readers = new ValueReader[plan.outputs().size()];
        for (int i = 0; i < readers.length; i++) {
            ProjectionPlan.Output out = plan.outputs().get(i);
            readers[i] = out.entity() == null ? ValueReader.of(out.read()) : null;
        }
        for (ProjectionPlan.EntityLoad load : plan.loads()) entities.put(load.selection(), new ArrayList<>());
        if (plan.tree() != null) entities.putIfAbsent(plan.tree().selection(), new ArrayList<>());
    }

    /** The result of one row ({@link #NULL} for null); entities hydrated. */
    public Object row(RowView row) {
        Object[] values = new Object[readers.length];
        for (int i = 0; i < readers.length; i++) {
            ProjectionPlan.Output out = plan.outputs().get(i);
            values[i] = readers[i] != null ? readers[i].read(row, out.offset()) : hydrator.hydrate(out.entity(), row, out.offset());
        }
        Object result = plan.shape().make(values);
        if (!entities.isEmpty()) keep(values, row);
        return result == null ? NULL : result;
    }

    /** Reads one row of a result that is read whole before anything is emitted. */
    public void collect(RowView row) {
        results.add(row(row));
    }

    private void keep(Object[] values, RowView row) {
        for (Map.Entry<Integer, List<Object>> e : entities.entrySet()) {
            Object entity = values[e.getKey()];
            if (entity != null) e.getValue().add(entity);
        }
        ProjectionPlan.Tree tree = plan.tree();
        if (tree != null && values[tree.selection()] != null) {
            Object level = row.get(tree.depthColumn(), Object.class);
            levels.putIfAbsent(values[tree.selection()], ((Number) level).intValue());
        }
    }

    /** The collected results, in row order ({@link #NULL} for null ones). */
    public List<Object> results() {
        return results;
    }

    /** The distinct objects of entity selection {@code selection}, in row order. */
    public List<Object> entitiesOf(int selection) {
        List<Object> all = entities.getOrDefault(selection, List.of());
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> out = new ArrayList<>(all.size());
        for (Object o : all) if (seen.add(o)) out.add(o);
        return out;
    }

    /**
     * Fills the relationship a recursive common table followed from its rows, on every node above the
     * last level read (the rows hold everything that relationship leads to from them); relationships
     * already loaded keep what they have.
     *
     * @param sessionObjects the session's identity map (collection snapshots are recorded there), or null
     */
    public void assembleTree(IdentityMap sessionObjects) {
        ProjectionPlan.Tree tree = plan.tree();
        if (tree == null) return;
        RelationshipMapping r = tree.step();
        List<Object> nodes = entitiesOf(tree.selection());
        // Every node by the value the other end of the relationship matches (driver values).
        Map<Object, List<Object>> byRemote = new HashMap<>();
        for (Object node : nodes) {
            Object value = r.remoteColumn().getForDatabase(node);
            if (value != null) byRemote.computeIfAbsent(value, k -> new ArrayList<>()).add(node);
        }
        for (Object node : nodes) {
            if (levels.get(node) == tree.lastLevel()) continue; // its relationship was not followed
            Object wrapper = r.wrapperOf(node);
            if (RelationInternals.isLoaded(wrapper)) continue;
            Object local = r.localColumn().getForDatabase(node);
            List<Object> related = local == null ? List.of() : byRemote.getOrDefault(local, List.of());
            if (r.isCollection()) {
                List<Object> members = new ArrayList<>(related);
                members.sort(r.target().keyOrder());
                RelationInternals.loadCollection(wrapper, members);
                EntityState state = sessionObjects == null ? null : sessionObjects.stateOf(node);
                if (state != null) state.collectionSnapshot(r, members);
                if (r.reverse() != null) {
                    for (Object member : members) {
                        Object back = r.reverse().wrapperOf(member);
                        if (!RelationInternals.isLoaded(back)) RelationInternals.loadReference(back, node);
                    }
                }
            } else if (local == null || !related.isEmpty()) {
                RelationInternals.loadReference(wrapper, related.isEmpty() ? null : related.get(0));
            }
        }
    }
}
