package dev.braid.core.internal.hydrate;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.plan.load.LoadNode;
import dev.braid.core.internal.plan.load.SelectPlan;
import dev.braid.core.internal.relation.RelationInternals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roots of a query's rows and the targets of its JOINED loads, assembled one row at a time:
 * each row yields its root (once, however many rows repeat it) and, for every JOINED load, the target
 * at that load's column offset (LEFT OUTER JOIN: none when the row's target key is NULL). When the
 * result was read completely, {@link #assign} puts the collected targets on their roots' relationships,
 * marking them loaded; relationships a held object had loaded already keep what they have.
 *
 * <p>Pure: fed {@link RowView}s by whoever reads the result, so it works on any driver or none.
 */
public final class JoinedRowAssembler {
    private final SelectPlan plan;
    private final EntityHydrator hydrator;
    private final boolean lookUpRoots;
    private final List<Object> roots = new ArrayList<>();
    private final Set<Object> seen;
    private final Map<Object, Map<LoadNode, List<Object>>> joinedByRoot;

    /**
     * @param lookUpRoots whether root rows can repeat an object already read and so go through the
     *                    hydrator's identity map; false only for read-only results of distinct roots
     */
    public JoinedRowAssembler(SelectPlan plan, EntityHydrator hydrator, boolean lookUpRoots) {
        this.plan = plan;
        this.hydrator = hydrator;
        this.lookUpRoots = lookUpRoots;
        // Without joins every row is a different root: no check for repeats is needed.
        boolean repeats = plan.distinctRoots() || !plan.joined().isEmpty();
        this.seen = repeats ? Collections.newSetFromMap(new IdentityHashMap<>()) : null;
        this.joinedByRoot = plan.joined().isEmpty() ? Map.of() : new IdentityHashMap<>();
    }

    /** Reads one row: its root, and the targets of the JOINED loads in it. */
    public void row(RowView row) {
        EntityMapping mapping = plan.entity();
        Object root = lookUpRoots ? hydrator.hydrate(mapping, row, 0) : hydrator.hydrateNew(mapping, row, 0);
        if (seen == null || seen.add(root)) roots.add(root);
        for (SelectPlan.JoinedLoad joined : plan.joined()) {
            collect(root, joined, row);
        }
    }

    private void collect(Object root, SelectPlan.JoinedLoad joined, RowView row) {
        RelationshipMapping r = joined.node().relationship();
        Object target = hydrator.hydrate(r.target(), row, joined.offset());
        List<Object> list = joinedByRoot.computeIfAbsent(root, k -> new IdentityHashMap<>())
                .computeIfAbsent(joined.node(), k -> new ArrayList<>());
        if (target != null && list.stream().noneMatch(o -> o == target)) list.add(target);
    }

    /** The distinct roots read so far, in row order. */
    public List<Object> roots() {
        return roots;
    }

    /** The load nodes this statement loaded (JOINED): the loaders only load below them. */
    public Set<LoadNode> preloaded() {
        if (plan.joined().isEmpty()) return Set.of();
        Set<LoadNode> preloaded = new HashSet<>();
        for (SelectPlan.JoinedLoad joined : plan.joined()) preloaded.add(joined.node());
        return preloaded;
    }

    /**
     * Puts the collected targets on their roots (collections in row order, the reverse reference of
     * one-to-many children set to the root) and marks the relationships loaded.
     *
     * @param sessionObjects the session's identity map when results are tracked (collection snapshots
     *                       are recorded there), else null
     */
    public void assign(IdentityMap sessionObjects) {
        for (Map.Entry<Object, Map<LoadNode, List<Object>>> e : joinedByRoot.entrySet()) {
            Object root = e.getKey();
            for (SelectPlan.JoinedLoad joined : plan.joined()) {
                RelationshipMapping r = joined.node().relationship();
                Object wrapper = r.wrapperOf(root);
                if (RelationInternals.isLoaded(wrapper)) continue; // held objects keep what they have
                List<Object> found = e.getValue().getOrDefault(joined.node(), List.of());
                if (r.isCollection()) {
                    RelationInternals.loadCollection(wrapper, found);
                    EntityState state = sessionObjects == null ? null : sessionObjects.stateOf(root);
                    if (state != null) state.collectionSnapshot(r, found);
                    if (r.reverse() != null && r.direction() == RelationshipMapping.Direction.ONE_TO_MANY) {
                        for (Object child : found) {
                            Object back = r.reverse().wrapperOf(child);
                            if (!RelationInternals.isLoaded(back)) RelationInternals.loadReference(back, root);
                        }
                    }
                } else {
                    RelationInternals.loadReference(wrapper, found.isEmpty() ? null : found.get(0));
                }
            }
        }
    }
}
