package dev.braid.core.meta;

import java.util.List;
import java.util.Objects;

/** What a user declared about one entity class, before validation. */
public record EntitySpec(Class<?> type, String table, List<ColumnSpec> columns, List<RelationSpec> relations) {
    public EntitySpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        relations = List.copyOf(relations);
    }

    public EntitySpec(Class<?> type, String table, List<ColumnSpec> columns) {
        this(type, table, columns, List.of());
    }
}
