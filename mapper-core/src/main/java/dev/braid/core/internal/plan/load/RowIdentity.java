package dev.braid.core.internal.plan.load;

import dev.braid.annotation.LoadStrategy;
import dev.braid.core.internal.meta.RelationshipMapping;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rows of a read-only query can repeat an object already read, and so must be looked up by
 * key to keep one object per row: roots repeated by joins, targets of many-to-many links (one row
 * per link), JOINED targets, and any entity that more than one level of the query reads. Everything
 * else (plain roots, one-to-many children, many-to-one targets of distinct keys) is distinct by
 * construction and is created without a lookup. A session's tracked results always use its
 * identity map: {@link #always()}.
 */
public final class RowIdentity {
    private static final RowIdentity ALWAYS = new RowIdentity(true, null);

    private final boolean roots;
    private final Set<LoadNode> distinctNodes; // null: every node needs lookups

    private RowIdentity(boolean roots, Set<LoadNode> distinctNodes) {
        this.roots = roots;
        this.distinctNodes = distinctNodes;
    }

    public static RowIdentity always() {
        return ALWAYS;
    }

    public static RowIdentity of(SelectPlan plan) {
        Map<Class<?>, Integer> readers = new HashMap<>();
        readers.merge(plan.entity().type(), 1, Integer::sum);
        count(plan.load(), readers);
        boolean roots = plan.distinctRoots() || !plan.joined().isEmpty() || readers.get(plan.entity().type()) > 1;
        Set<LoadNode> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<LoadNode> joined = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SelectPlan.JoinedLoad j : plan.joined()) joined.add(j.node());
        collectDistinct(plan.load(), readers, joined, distinct);
        return new RowIdentity(roots, distinct);
    }

    private static void count(List<LoadNode> nodes, Map<Class<?>, Integer> readers) {
        for (LoadNode node : nodes) {
            if (!readsRows(node)) continue;
            readers.merge(node.relationship().target().type(), 1, Integer::sum);
            count(node.children(), readers);
        }
    }

    private static void collectDistinct(List<LoadNode> nodes, Map<Class<?>, Integer> readers, Set<LoadNode> joined,
                                        Set<LoadNode> distinct) {
        for (LoadNode node : nodes) {
            if (!readsRows(node)) continue;
            RelationshipMapping r = node.relationship();
            if (!joined.contains(node) && r.direction() != RelationshipMapping.Direction.MANY_TO_MANY
                    && readers.get(r.target().type()) == 1) {
                distinct.add(node);
            }
            collectDistinct(node.children(), readers, joined, distinct);
        }
    }

    private static boolean readsRows(LoadNode node) {
        return node.strategy() == LoadStrategy.SELECTIN || node.strategy() == LoadStrategy.JOINED;
    }

    /** Whether root rows must be looked up by key. */
    public boolean roots() {
        return roots;
    }

    /** Whether the rows loaded for {@code node} must be looked up by key. */
    public boolean rowsOf(LoadNode node) {
        return distinctNodes == null || !distinctNodes.contains(node);
    }
}
