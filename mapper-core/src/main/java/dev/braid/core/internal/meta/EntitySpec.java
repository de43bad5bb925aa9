package dev.braid.core.internal.meta;

import dev.braid.core.internal.util.Require;
import java.util.List;

/** What a user declared about one entity class, before validation. */
public record EntitySpec(Class<?> type, String table, List<ColumnSpec> columns, List<RelationSpec> relations) {
    public EntitySpec {
        Require.nonNull(type, "type");
        Require.nonNull(table, "table");
        columns = List.copyOf(columns);
        relations = List.copyOf(relations);
    }

    public EntitySpec(Class<?> type, String table, List<ColumnSpec> columns) {
        this(type, table, columns, List.of());
    }
}
