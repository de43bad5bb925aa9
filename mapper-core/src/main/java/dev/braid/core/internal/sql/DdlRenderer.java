package dev.braid.core.internal.sql;

import dev.braid.dialect.Dialect;
import dev.braid.dialect.SqlWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Writes schema statements: CREATE TABLE, CREATE INDEX, DROP TABLE, ALTER TABLE ... ADD CONSTRAINT. */
final class DdlRenderer {
    private final Dialect dialect;

    DdlRenderer(Dialect dialect) {
        this.dialect = dialect;
    }

    void createTable(SqlStatement.CreateTable create, SqlOutput out) {
        out.append("CREATE TABLE ").append(create.ifNotExists() ? "IF NOT EXISTS " : "")
                .identifier(create.table()).append(" (");
        List<String> parts = new ArrayList<>();
        for (SqlStatement.ColumnDefinition c : create.columns()) {
            StringBuilder column = new StringBuilder(id(c.name())).append(' ').append(typeName(c));
            if (c.defaultExpression() != null) {
                column.append(" DEFAULT ").append(dialect.defaultExpression(c.type(), c.defaultExpression())); // from the mapping, never from user input
            }
            if (c.identity()) {
                column.append(dialect.identityColumn());
            } else if (!c.nullable()) {
                column.append(" NOT NULL");
            }
            parts.add(column.toString());
        }
        if (!create.primaryKey().isEmpty()) {
            parts.add("PRIMARY KEY (" + idList(create.primaryKey()) + ")");
        }
        for (SqlStatement.UniqueConstraint u : create.uniques()) {
            parts.add("CONSTRAINT " + id(u.name()) + " UNIQUE (" + idList(u.columns()) + ")");
        }
        for (SqlStatement.ForeignKeyConstraint fk : create.foreignKeys()) {
            parts.add("CONSTRAINT " + id(fk.name()) + " FOREIGN KEY (" + idList(fk.columns()) + ") REFERENCES "
                    + id(fk.referencedTable()) + " (" + idList(fk.referencedColumns()) + ")"
                    + (fk.onDeleteCascade() ? " ON DELETE CASCADE" : ""));
        }
        out.append(String.join(", ", parts)).append(')');
    }

    private String typeName(SqlStatement.ColumnDefinition c) {
        if (c.sqlType() != null) return dialect.types().typeName(c.sqlType());
        if (!c.keyed() && c.type() == dev.braid.dialect.ColumnType.VARCHAR && c.length() <= 0) return dialect.unboundedTextType();
        return dialect.typeName(c.type(), c.length(), c.precision(), c.scale());
    }

    void createIndex(SqlStatement.CreateIndex index, SqlOutput out) {
        out.append("CREATE INDEX ").append(index.ifNotExists() ? "IF NOT EXISTS " : "")
                .identifier(index.name()).append(" ON ").identifier(index.table())
                .append(" (").identifiers(index.columns()).append(')');
    }

    void dropTable(SqlStatement.DropTable d, SqlOutput out) {
        out.append("DROP TABLE ").append(d.ifExists() ? "IF EXISTS " : "").identifier(d.table())
                .append(d.cascade() ? " CASCADE" : "");
    }

    /** {@code ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY ...}; one that may exist is guarded the dialect's way. */
    void addForeignKey(SqlStatement.AddForeignKey a, SqlOutput out) {
        SqlStatement.ForeignKeyConstraint fk = a.constraint();
        if (a.ifNotExists()) {
            dialect.ddlGuards().addConstraintIfAbsent(a.table(), fk.name(), w -> foreignKey(fk, w), out);
        } else {
            out.append("ALTER TABLE ").identifier(a.table()).append(" ADD CONSTRAINT ").identifier(fk.name()).append(' ');
            foreignKey(fk, out);
        }
    }

    private static void foreignKey(SqlStatement.ForeignKeyConstraint fk, SqlWriter out) {
        out.append("FOREIGN KEY (").identifiers(fk.columns()).append(") REFERENCES ")
                .identifier(fk.referencedTable()).append(" (").identifiers(fk.referencedColumns()).append(')')
                .append(fk.onDeleteCascade() ? " ON DELETE CASCADE" : "");
    }

    private String id(String name) {
        return dialect.identifier(name);
    }

    private String idList(List<String> names) {
        return names.stream().map(this::id).collect(Collectors.joining(", "));
    }
}
