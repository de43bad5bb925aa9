package dev.braid.core.internal.plan.schema;

import dev.braid.core.internal.util.Require;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.statement.RenderedSql;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.core.internal.sql.SqlStatement;
import dev.braid.dialect.Dialect;
import dev.braid.dialect.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * DDL from the mapping, like SQLAlchemy's {@code metadata.create_all}: tables with primary keys,
 * unique and foreign-key constraints, and an index on every foreign-key column that no primary key
 * already leads with, in dependency order; drops in reverse. Read-only record views get no table.
 */
public final class SchemaPlanner {
    private final MappingRegistry registry;
    private final SqlRenderer renderer;
    private final Dialect dialect;
    private final CompositeForeignKeyDdl composites;
    private final KeyedColumns keyed;

    public SchemaPlanner(MappingRegistry registry, Dialect dialect) {
        this.registry = Require.nonNull(registry, "registry");
        this.dialect = Require.nonNull(dialect, "dialect");
        this.renderer = new SqlRenderer(dialect);
        this.composites = new CompositeForeignKeyDdl(registry);
        this.keyed = new KeyedColumns(registry);
    }

    /**
     * CREATE TABLE and CREATE INDEX statements, referenced tables first.
     *
     * @param onlyMissing adds {@code IF NOT EXISTS}, so existing tables and indexes are left as they are
     */
    public List<RenderedSql> create(boolean onlyMissing) {
        List<RenderedSql> statements = new ArrayList<>(SequenceDdl.create(registry, renderer, onlyMissing));
        java.util.Set<String> created = new java.util.HashSet<>();
        List<SqlStatement> deferred = new ArrayList<>();
        for (SqlType.NamedEnum type : enumTypes()) {
            statements.add(renderer.render(new SqlStatement.CreateEnumType(type, onlyMissing)));
        }
        for (EntityMapping entity : registry.dependencyOrder()) {
            created.add(entity.table().toLowerCase(java.util.Locale.ROOT));
            SqlStatement.CreateTable table = createTable(entity, onlyMissing);
            // A foreign key to a table not created yet (a cycle between tables) is added after all tables.
            List<SqlStatement.ForeignKeyConstraint> now = new ArrayList<>();
            for (SqlStatement.ForeignKeyConstraint fk : table.foreignKeys()) {
                if (created.contains(fk.referencedTable().toLowerCase(java.util.Locale.ROOT))) now.add(fk);
                else deferred.add(new SqlStatement.AddForeignKey(entity.table(), fk, onlyMissing));
            }
            table = new SqlStatement.CreateTable(table.table(), table.columns(), table.primaryKey(), table.uniques(), now,
                    table.ifNotExists());
            statements.add(renderer.render(table));
            for (SqlStatement.CreateTable part : JoinedTableDdl.create(entity, onlyMissing, this::name, keyed)) {
                created.add(part.table().toLowerCase(java.util.Locale.ROOT));
                statements.add(renderer.render(part));
            }
            for (ColumnMapping column : entity.columns()) {
                if (column.foreignKey() != null && !leadsPrimaryKey(entity, column) && !JoinedTableDdl.elsewhere(entity, column)) {
                    statements.add(renderer.render(new SqlStatement.CreateIndex(
                            name("ix", entity.table(), column.column()), entity.table(), List.of(column.column()),
                            onlyMissing)));
                }
            }
        }
        for (SqlStatement statement : deferred) {
            statements.add(renderer.render(statement));
        }
        for (RelationshipMapping.LinkTable link : linkTables().keySet()) {
            RelationshipMapping r = linkTables().get(link);
            String table = link.table();
            List<SqlStatement.ColumnDefinition> columns = List.of(
                    new SqlStatement.ColumnDefinition(link.ownerColumn(), r.localColumn().type().columnType(),
                            r.localColumn().length(), r.localColumn().precision(), r.localColumn().scale(), false, false),
                    new SqlStatement.ColumnDefinition(link.targetColumn(), r.remoteColumn().type().columnType(),
                            r.remoteColumn().length(), r.remoteColumn().precision(), r.remoteColumn().scale(), false, false));
            List<SqlStatement.ForeignKeyConstraint> fks = List.of(
                    new SqlStatement.ForeignKeyConstraint(name("fk", table, link.ownerColumn()), List.of(link.ownerColumn()),
                            r.owner().table(), List.of(r.localColumn().column())),
                    new SqlStatement.ForeignKeyConstraint(name("fk", table, link.targetColumn()), List.of(link.targetColumn()),
                            r.target().table(), List.of(r.remoteColumn().column())));
            statements.add(renderer.render(new SqlStatement.CreateTable(table, columns,
                    List.of(link.ownerColumn(), link.targetColumn()), List.of(), fks, onlyMissing)));
            // The primary key serves lookups by the owner column; the other direction needs its own index.
            statements.add(renderer.render(new SqlStatement.CreateIndex(name("ix", table, link.targetColumn()), table,
                    List.of(link.targetColumn()), onlyMissing)));
        }
        return statements;
    }

    /** Link tables of many-to-many relationships that no entity maps, each once (first declaring side). */
    private java.util.Map<RelationshipMapping.LinkTable, RelationshipMapping> linkTables() {
        java.util.Map<String, RelationshipMapping> byName = new java.util.LinkedHashMap<>();
        for (EntityMapping entity : registry.dependencyOrder()) {
            for (RelationshipMapping r : entity.relationships()) {
                if (r.link() != null && !r.link().mappedAsEntity()) {
                    byName.putIfAbsent(r.link().table().toLowerCase(java.util.Locale.ROOT), r);
                }
            }
        }
        java.util.Map<RelationshipMapping.LinkTable, RelationshipMapping> out = new java.util.LinkedHashMap<>();
        for (RelationshipMapping r : byName.values()) out.put(r.link(), r);
        return out;
    }

    /**
     * The database enum types the tables use, each once, where the dialect creates them (PostgreSQL's
     * {@code CREATE TYPE}); two attributes naming one type with different labels are reported.
     */
    private List<SqlType.NamedEnum> enumTypes() {
        java.util.Map<String, SqlType.NamedEnum> byName = new java.util.LinkedHashMap<>();
        if (!dialect.types().createsEnumTypes()) return List.of();
        for (EntityMapping entity : registry.dependencyOrder()) {
            for (ColumnMapping c : entity.columns()) {
                if (!(c.type().sqlType() instanceof SqlType.NamedEnum type)) continue;
                SqlType.NamedEnum other = byName.putIfAbsent(type.name().toLowerCase(java.util.Locale.ROOT), type);
                if (other != null && !other.labels().equals(type.labels())) {
                    throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_MAPPING, c.qualifiedName()
                            + " uses enum type " + type.name() + " with labels " + type.labels() + ", but another"
                            + " attribute uses it with labels " + other.labels() + ". Fix: name one of the types"
                            + " differently (@Enumerated(value = NATIVE, typeName = ...))");
                }
            }
        }
        return List.copyOf(byName.values());
    }

    /** DROP TABLE IF EXISTS for every table, referencing tables first. */
    public List<RenderedSql> drop() {
        List<RenderedSql> statements = new ArrayList<>();
        List<RelationshipMapping.LinkTable> links = new ArrayList<>(linkTables().keySet());
        for (int i = links.size() - 1; i >= 0; i--) {
            statements.add(renderer.render(new SqlStatement.DropTable(links.get(i).table(), true, false)));
        }
        List<EntityMapping> order = registry.dependencyOrder();
        boolean cascades = dialect.ddlGuards().dropTableCascades();
        if (!cascades) statements.addAll(dropCycleForeignKeys(order));
        for (int i = order.size() - 1; i >= 0; i--) {
            for (String part : JoinedTableDdl.dropOrder(order.get(i))) {
                statements.add(renderer.render(new SqlStatement.DropTable(part, true, false)));
            }
            // CASCADE only where a foreign-key cycle makes plain drops impossible in any order.
            statements.add(renderer.render(new SqlStatement.DropTable(order.get(i).table(), true, cascades && inCycle(order.get(i)))));
        }
        for (SqlType.NamedEnum type : enumTypes()) {
            statements.add(renderer.render(new SqlStatement.DropEnumType(type)));
        }
        statements.addAll(SequenceDdl.drop(registry, renderer));
        return statements;
    }

    /** The whole create script as text, one statement per line ending in {@code ;}, for migration tools. */
    public String createScript(boolean onlyMissing) {
        StringBuilder out = new StringBuilder();
        for (RenderedSql sql : create(onlyMissing)) {
            out.append(sql.sql()).append(";\n");
        }
        return out.toString();
    }

    private SqlStatement.CreateTable createTable(EntityMapping entity, boolean onlyMissing) {
        List<SqlStatement.ColumnDefinition> columns = new ArrayList<>();
        List<SqlStatement.UniqueConstraint> uniques = new ArrayList<>();
        List<SqlStatement.ForeignKeyConstraint> foreignKeys = new ArrayList<>();
        for (ColumnMapping c : entity.columns()) {
            if (JoinedTableDdl.elsewhere(entity, c)) continue;
            columns.add(new SqlStatement.ColumnDefinition(c.column(), c.type().columnType(), c.length(),
                    c.precision(), c.scale(), c.nullable(), c.isGenerated(), c.type().sqlType(), c.source().serverDefault(),
                    keyed.covers(entity.table(), c)));
            if (c.unique() && !(c.isId() && entity.idColumns().size() == 1)) {
                uniques.add(new SqlStatement.UniqueConstraint(name("uq", entity.table(), c.column()), List.of(c.column())));
            }
            if (c.foreignKey() != null && composites.covers(c)) {
                List<String> columnsLed = composites.columnsLedBy(c);
                if (columnsLed != null) {
                    foreignKeys.add(new SqlStatement.ForeignKeyConstraint(name("fk", entity.table(), c.column()),
                            columnsLed, c.foreignKey().table(), composites.referencedBy(c), passiveDeletes(c)));
                }
            } else if (c.foreignKey() != null) {
                foreignKeys.add(new SqlStatement.ForeignKeyConstraint(name("fk", entity.table(), c.column()),
                        List.of(c.column()), c.foreignKey().table(), List.of(c.foreignKey().column()), passiveDeletes(c)));
            }
        }
        List<String> primaryKey = entity.idColumns().stream().map(ColumnMapping::column).toList();
        return new SqlStatement.CreateTable(entity.table(), columns, primaryKey, uniques, foreignKeys, onlyMissing);
    }

    /** Where CASCADE drops nothing: the foreign keys that close a cycle (those create() adds after the tables), dropped first. */
    private List<RenderedSql> dropCycleForeignKeys(List<EntityMapping> order) {
        List<RenderedSql> statements = new ArrayList<>();
        java.util.Set<String> created = new java.util.HashSet<>();
        for (EntityMapping entity : order) {
            created.add(entity.table().toLowerCase(java.util.Locale.ROOT));
            for (SqlStatement.ForeignKeyConstraint fk : createTable(entity, false).foreignKeys()) {
                if (!created.contains(fk.referencedTable().toLowerCase(java.util.Locale.ROOT))) {
                    statements.add(renderer.renderWith(w -> dialect.ddlGuards().dropForeignKeyIfExists(entity.table(), fk.name(), w)));
                }
            }
        }
        return statements;
    }

    /**
     * True when a table earlier in dependency order references this one (a cycle): dropping in reverse
     * order reaches this table while that reference still exists.
     */
    private boolean inCycle(EntityMapping entity) {
        List<EntityMapping> order = registry.dependencyOrder();
        int at = order.indexOf(entity);
        for (int j = 0; j < at; j++) {
            for (ColumnMapping c : order.get(j).columns()) {
                if (c.foreignKey() != null && c.foreignKey().table().equalsIgnoreCase(entity.table())) return true;
            }
        }
        return false;
    }

    /** A parent's relationship over this column leaves deleting children to the database. */
    private boolean passiveDeletes(ColumnMapping column) {
        for (EntityMapping m : registry.entities()) {
            for (RelationshipMapping r : m.relationships()) {
                if (!r.ownsForeignKey() && r.link() == null && r.remoteColumn() == column && r.passiveDeletes()) return true;
            }
        }
        return false;
    }

    private static boolean leadsPrimaryKey(EntityMapping entity, ColumnMapping column) {
        return !entity.idColumns().isEmpty() && entity.idColumns().get(0) == column;
    }

    /** {@code ix_books_author_id}, cut to the dialect's identifier limit. */
    private String name(String prefix, String table, String column) {
        String name = prefix + "_" + table + "_" + column;
        return name.length() <= dialect.maxIdentifierLength() ? name : name.substring(0, dialect.maxIdentifierLength());
    }
}
