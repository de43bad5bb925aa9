package dev.braid.core.internal.meta;

import dev.braid.core.internal.util.TopologicalSort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Orders tables so that referenced tables come first, with the shared {@link TopologicalSort} (stable on
 * registration order). Self-references are ignored; a cycle between tables keeps registration order
 * for its members, and the flush breaks it later with a post-update.
 */
public final class TableOrder {
    private TableOrder() {}

    public static List<EntityMapping> sort(List<EntityMapping> mappings) {
        Map<String, EntityMapping> byTable = new LinkedHashMap<>();
        for (EntityMapping m : mappings) {
            if (!m.readOnly()) byTable.putIfAbsent(key(m.table()), m);
        }
        return TopologicalSort.sort(new ArrayList<>(byTable.values()), m -> referencedTables(m, byTable)).order();
    }

    /** The tables {@code m}'s foreign keys reference, in column order, itself left out. */
    private static List<EntityMapping> referencedTables(EntityMapping m, Map<String, EntityMapping> byTable) {
        List<EntityMapping> out = new ArrayList<>();
        for (ColumnMapping c : m.columns()) {
            if (c.foreignKey() != null) {
                EntityMapping target = byTable.get(key(c.foreignKey().table()));
                if (target != null && target != m) out.add(target);
            }
        }
        return out;
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }
}
