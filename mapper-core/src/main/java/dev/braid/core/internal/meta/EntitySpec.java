package dev.braid.core.internal.meta;

import dev.braid.core.internal.util.Require;
import java.util.List;

/** What a user declared about one entity class, before validation. */
public record EntitySpec(Class<?> type, String table, List<ColumnSpec> columns, List<RelationSpec> relations,
                         InheritanceSpec inheritance) {
    public EntitySpec {
        Require.nonNull(type, "type");
        if (inheritance == null) inheritance = InheritanceSpec.NONE;
        Require.nonNull(table, "table");
        columns = List.copyOf(columns);
        relations = List.copyOf(relations);
    }

    public EntitySpec(Class<?> type, String table, List<ColumnSpec> columns, List<RelationSpec> relations) {
        this(type, table, columns, relations, InheritanceSpec.NONE);
    }

    /** This spec with what the class declared about inheritance. */
    public EntitySpec withInheritance(InheritanceSpec inheritance) {
        return new EntitySpec(type, table, columns, relations, inheritance);
    }

    public EntitySpec(Class<?> type, String table, List<ColumnSpec> columns) {
        this(type, table, columns, List.of());
    }
}
