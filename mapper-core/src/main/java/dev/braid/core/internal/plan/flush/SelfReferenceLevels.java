package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.util.TopologicalSort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Depth levels of the rows of one table that reference rows of the same table (an adjacency list,
 * a tree): inserted one statement per level, parents first, and deleted one statement per level,
 * deepest first, so that no statement holds a row together with a row it references. H2 checks a
 * foreign key row by row within a statement, so a parent and its child in one statement fail there;
 * PostgreSQL checks at the end of the statement, but the plan is the same on every database. The levels
 * come from the shared {@link TopologicalSort}; an edge back to a row still being levelled (a cycle) is
 * ignored there.
 */
final class SelfReferenceLevels {
    private SelfReferenceLevels() {}

    /**
     * Sorts {@code rows} to insert, all of one table, parents first and otherwise stably: a row with no
     * parent among them is level 0, any other one level below its deepest parent among them. A cycle
     * (new rows referencing each other) is cut at the edge back to a row still being levelled: the
     * cycle-breaking post-update fills that key in once both rows exist.
     *
     * @param parents the rows (objects) each row's foreign keys wait for, of any table
     */
    static void sortParentsFirst(List<EntityState> rows, java.util.function.Function<EntityState, List<Object>> parents) {
        if (rows.size() < 2) return;
        Map<Object, Integer> index = new IdentityHashMap<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) index.put(rows.get(i).entity(), i);
        int[] levels = TopologicalSort.sort(rows.size(), i -> {
            List<Object> dependencies = parents.apply(rows.get(i));
            int[] out = new int[dependencies.size()];
            int n = 0;
            for (Object d : dependencies) {
                Integer at = index.get(d);
                if (at != null) out[n++] = at;
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        }).levels();
        List<List<EntityState>> byLevel = group(rows, levels);
        rows.clear();
        for (List<EntityState> level : byLevel) rows.addAll(level);
    }

    /**
     * Groups rows to delete, all of one table, by depth, deepest first: a row referencing (in the
     * database, so by the snapshots) another of them is one level deeper than it. Each level can go as
     * one statement once the deeper levels are gone.
     *
     * @param references the table's foreign keys to itself: each a pair of (referencing, referenced) column
     */
    static List<List<EntityState>> deepestFirst(List<EntityState> rows, List<ColumnMapping[]> references) {
        if (rows.size() < 2 || references.isEmpty()) return List.of(rows);
        List<Map<Object, Integer>> byReferencedValue = new ArrayList<>(references.size());
        for (ColumnMapping[] reference : references) {
            Map<Object, Integer> rowOf = new HashMap<>(rows.size() * 2);
            for (int i = 0; i < rows.size(); i++) {
                Object key = rows.get(i).snapshot()[reference[1].index()];
                if (key != null) rowOf.put(key, i);
            }
            byReferencedValue.add(rowOf);
        }
        int[] levels = TopologicalSort.sort(rows.size(), i -> {
            int[] out = new int[references.size()];
            int n = 0;
            for (int r = 0; r < references.size(); r++) {
                Object value = rows.get(i).snapshot()[references.get(r)[0].index()];
                Integer at = value == null ? null : byReferencedValue.get(r).get(value);
                if (at != null && at != i) out[n++] = at;
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        }).levels();
        List<List<EntityState>> byLevel = group(rows, levels);
        java.util.Collections.reverse(byLevel);
        return byLevel;
    }

    /** The foreign keys of {@code mapping} to its own table, as (referencing, referenced) column pairs. */
    static List<ColumnMapping[]> selfReferences(EntityMapping mapping) {
        List<ColumnMapping[]> out = new ArrayList<>();
        for (RelationshipMapping r : mapping.relationships()) {
            if (r.target() != mapping || r.link() != null) continue;
            ColumnMapping referencing = r.ownsForeignKey() ? r.localColumn() : r.remoteColumn();
            ColumnMapping referenced = r.ownsForeignKey() ? r.remoteColumn() : r.localColumn();
            // Both ends of one foreign key (parent and children) are one reference.
            if (out.stream().noneMatch(pair -> pair[0] == referencing)) out.add(new ColumnMapping[]{referencing, referenced});
        }
        return out;
    }

    /** The rows by level, lowest first, each level in the rows' order. */
    private static List<List<EntityState>> group(List<EntityState> rows, int[] levels) {
        int deepest = 0;
        for (int level : levels) deepest = Math.max(deepest, level);
        List<List<EntityState>> byLevel = new ArrayList<>(deepest + 1);
        for (int i = 0; i <= deepest; i++) byLevel.add(new ArrayList<>());
        for (int i = 0; i < rows.size(); i++) byLevel.get(levels[i]).add(rows.get(i));
        return byLevel;
    }
}
