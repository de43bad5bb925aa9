package dev.braid.core.internal.util;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The one topological sort Braid orders everything with (model: SQLAlchemy's {@code util/topological.py}):
 * tables for DDL and for the flush (referenced tables first, through {@code MappingRegistry.dependencyOrder})
 * and the rows of a table that references its own rows (parents first, level by level).
 *
 * <p>Depth-first from each node in the given order, dependencies in their given order, so the result is
 * stable: nodes with no path between them keep their given order relative to the nodes they depend on.
 * The walk keeps an explicit stack (a chain of 100,000 rows would overflow a recursive walk). An edge to a
 * node still being walked closes a cycle: it does not constrain the order and is reported, so callers can
 * break it (the flush with a post-update, the DDL with a foreign key added after the tables).
 */
public final class TopologicalSort {
    private TopologicalSort() {}

    /**
     * Sorts the nodes {@code 0..n-1}.
     *
     * @param dependenciesOf the nodes each node depends on (must come before it); asked once per node
     */
    public static Result sort(int n, IntFunction<int[]> dependenciesOf) {
        int[] levels = new int[n];
        Arrays.fill(levels, -1);
        int[] order = new int[n];
        int done = 0;
        List<int[]> cycles = null;
        boolean[] onStack = new boolean[n];
        int[][] dependencies = new int[n][];
        int[] next = new int[n];
        int[] stack = new int[n];
        for (int start = 0; start < n; start++) {
            if (levels[start] >= 0) continue;
            int top = 0;
            stack[0] = start;
            onStack[start] = true;
            dependencies[start] = dependenciesOf.apply(start);
            while (top >= 0) {
                int node = stack[top];
                int[] ds = dependencies[node];
                if (next[node] < ds.length) {
                    int d = ds[next[node]++];
                    if (onStack[d]) {
                        if (cycles == null) cycles = new ArrayList<>();
                        cycles.add(new int[]{node, d});
                    } else if (levels[d] < 0) {
                        stack[++top] = d;
                        onStack[d] = true;
                        dependencies[d] = dependenciesOf.apply(d);
                    }
                    continue;
                }
                int level = 0;
                for (int d : ds) if (levels[d] >= 0) level = Math.max(level, levels[d] + 1);
                levels[node] = level;
                order[done++] = node;
                onStack[node] = false;
                dependencies[node] = null;
                top--;
            }
        }
        return new Result(order, levels, cycles == null ? List.of() : cycles);
    }

    /**
     * Sorts {@code nodes} (compared by identity); dependencies that are not among them are ignored.
     *
     * @param dependenciesOf the nodes each node depends on, in the order they should be walked
     */
    public static <N> Sorted<N> sort(List<N> nodes, Function<? super N, ? extends Iterable<? extends N>> dependenciesOf) {
        Map<Object, Integer> index = new IdentityHashMap<>(nodes.size() * 2);
        for (int i = 0; i < nodes.size(); i++) index.putIfAbsent(nodes.get(i), i);
        Result result = sort(nodes.size(), i -> {
            int[] out = new int[4];
            int k = 0;
            for (N d : dependenciesOf.apply(nodes.get(i))) {
                Integer at = index.get(d);
                if (at == null) continue;
                if (k == out.length) out = Arrays.copyOf(out, k * 2);
                out[k++] = at;
            }
            return Arrays.copyOf(out, k);
        });
        List<N> order = new ArrayList<>(nodes.size());
        for (int i : result.order()) order.add(nodes.get(i));
        List<List<N>> cycles = new ArrayList<>(result.cycles().size());
        for (int[] edge : result.cycles()) cycles.add(List.of(nodes.get(edge[0]), nodes.get(edge[1])));
        return new Sorted<>(order, cycles);
    }

    /**
     * A sort of nodes {@code 0..n-1}.
     *
     * @param order  every node once, each after the nodes it depends on (cycle edges aside)
     * @param levels per node: 0 without dependencies, else one more than its deepest dependency (cycle edges aside)
     * @param cycles the edges that closed a cycle, each {@code {node, dependency}}, in the order found
     */
    public record Result(int[] order, int[] levels, List<int[]> cycles) {
        /** The deepest level, or -1 when there are no nodes. */
        public int deepest() {
            int deepest = -1;
            for (int level : levels) deepest = Math.max(deepest, level);
            return deepest;
        }
    }

    /**
     * A sort of objects.
     *
     * @param order  the nodes, each after the nodes it depends on (cycle edges aside)
     * @param cycles the edges that closed a cycle, each as (node, dependency), in the order found
     */
    public record Sorted<N>(List<N> order, List<List<N>> cycles) {}
}
