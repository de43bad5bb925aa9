package dev.braid.core.internal.plan.schema;

import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.mapping.MappingRegistry;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The columns that an index must be able to cover: key and unique columns, foreign-key columns (each gets an index),
 * and the columns a foreign key or a relationship refers to. Their unbounded strings keep the dialect's indexable
 * type; the others may take its unbounded text type ({@link dev.braid.dialect.Dialect#unboundedTextType()}), which
 * MariaDB cannot index.
 */
final class KeyedColumns {
    private final Set<String> referenced = new HashSet<>();

    KeyedColumns(MappingRegistry registry) {
        for (EntityMapping entity : registry.dependencyOrder()) {
            for (ColumnMapping c : entity.columns()) {
                if (c.foreignKey() != null) add(c.foreignKey().table(), c.foreignKey().column());
            }
            for (RelationshipMapping r : entity.relationships()) {
                add(r.owner().table(), r.localColumn().column());
                add(r.target().table(), r.remoteColumn().column());
            }
        }
    }

    /** True when {@code column}, in {@code table}, is a key, unique or foreign-key column, or something refers to it. */
    boolean covers(String table, ColumnMapping column) {
        return column.isId() || column.unique() || column.foreignKey() != null
                || referenced.contains(key(table, column.column()));
    }

    private void add(String table, String column) {
        referenced.add(key(table, column));
    }

    private static String key(String table, String column) {
        return table.toLowerCase(Locale.ROOT) + "\u0000" + column.toLowerCase(Locale.ROOT);
    }
}
