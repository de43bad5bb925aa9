package dev.braid.core.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables so that referenced tables come first (a depth-first topological sort, stable on
 * registration order). Self-references are ignored; a cycle between tables keeps registration order
 * for its members, and the flush breaks it later with a post-update.
 */
final class TableOrder {
    private TableOrder() {}

    static List<EntityMapping> sort(List<EntityMapping> mappings) {
        Map<String, EntityMapping> byTable = new LinkedHashMap<>();
        for (EntityMapping m : mappings) {
            if (!m.readOnly()) byTable.putIfAbsent(key(m.table()), m);
        }
        Set<EntityMapping> done = new LinkedHashSet<>();
        Set<EntityMapping> visiting = new LinkedHashSet<>();
        for (EntityMapping m : byTable.values()) {
            visit(m, byTable, done, visiting);
        }
        return new ArrayList<>(done);
    }

    private static void visit(EntityMapping m, Map<String, EntityMapping> byTable,
                              Set<EntityMapping> done, Set<EntityMapping> visiting) {
        if (done.contains(m) || !visiting.add(m)) {
            return;
        }
        for (ColumnMapping c : m.columns()) {
            if (c.foreignKey() != null) {
                EntityMapping target = byTable.get(key(c.foreignKey().table()));
                if (target != null && target != m) {
                    visit(target, byTable, done, visiting);
                }
            }
        }
        visiting.remove(m);
        done.add(m);
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }
}
