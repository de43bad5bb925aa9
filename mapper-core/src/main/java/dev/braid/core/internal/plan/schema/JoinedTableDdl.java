package dev.braid.core.internal.plan.schema;

import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.JoinedTables;
import dev.braid.core.internal.sql.SqlStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * The subclass tables of a joined-table hierarchy: each holds the base's key columns (its primary key, and a
 * foreign key to the parent class's table, {@code ON DELETE CASCADE}, so deleting the base row removes them)
 * and the subclass's own columns. Created after the base table, parents first; dropped before it.
 */
final class JoinedTableDdl {
    private JoinedTableDdl() {}

    /** True when {@code column} of {@code entity} lives in a subclass table, not in the entity's own table. */
    static boolean elsewhere(EntityMapping entity, ColumnMapping column) {
        JoinedTables joined = joined(entity);
        return joined != null && joined.inSubclassTable(column);
    }

    /** The CREATE TABLE of each subclass table of {@code entity}, parents first; none for other entities. */
    static List<SqlStatement.CreateTable> create(EntityMapping entity, boolean onlyMissing, Names names, KeyedColumns keyed) {
        JoinedTables joined = joined(entity);
        if (joined == null) return List.of();
        List<SqlStatement.CreateTable> out = new ArrayList<>();
        List<String> key = entity.idColumns().stream().map(ColumnMapping::column).toList();
        for (JoinedTables.Part part : joined.parts()) {
            List<SqlStatement.ColumnDefinition> columns = new ArrayList<>();
            List<SqlStatement.UniqueConstraint> uniques = new ArrayList<>();
            for (ColumnMapping id : entity.idColumns()) {
                columns.add(new SqlStatement.ColumnDefinition(id.column(), id.type().columnType(), id.length(),
                        id.precision(), id.scale(), false, false, id.type().sqlType(), null));
            }
            for (ColumnMapping c : part.columns()) {
                columns.add(new SqlStatement.ColumnDefinition(c.column(), c.type().columnType(), c.length(),
                        c.precision(), c.scale(), c.nullable(), false, c.type().sqlType(), c.source().serverDefault(),
                        keyed.covers(part.table(), c)));
                if (c.unique()) {
                    uniques.add(new SqlStatement.UniqueConstraint(names.name("uq", part.table(), c.column()), List.of(c.column())));
                }
            }
            List<SqlStatement.ForeignKeyConstraint> fks = List.of(new SqlStatement.ForeignKeyConstraint(
                    names.name("fk", part.table(), key.get(0)), key, part.parentTable(), key, true));
            out.add(new SqlStatement.CreateTable(part.table(), columns, key, uniques, fks, onlyMissing));
        }
        return out;
    }

    /** The subclass tables of {@code entity}, children first (the order to drop them). */
    static List<String> dropOrder(EntityMapping entity) {
        JoinedTables joined = joined(entity);
        if (joined == null) return List.of();
        List<String> out = new ArrayList<>();
        for (JoinedTables.Part part : joined.parts()) out.add(0, part.table());
        return out;
    }

    private static JoinedTables joined(EntityMapping entity) {
        return entity.hierarchy() == null ? null : entity.hierarchy().joined();
    }

    /** Constraint names cut to the dialect's limit. */
    @FunctionalInterface
    interface Names {
        String name(String prefix, String table, String column);
    }
}
