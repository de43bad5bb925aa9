package dev.braid.core.internal.meta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where the columns of a joined-table hierarchy live: the base table holds the base's columns and the
 * discriminator; each subclass has a table of its own columns whose primary key (the base's id columns)
 * is also a foreign key to its parent class's table. Parts are ordered parents first (the order of
 * inserts and of CREATE TABLE).
 */
public final class JoinedTables {
    /**
     * One subclass table.
     *
     * @param type        the subclass
     * @param table       its table
     * @param parentTable the table of its nearest mapped superclass (the base's, or another subclass's)
     * @param columns     its own columns (indexes into the hierarchy's mapping)
     * @param depth       how many mapped superclasses it has (1 under the base)
     */
    public record Part(Class<?> type, String table, String parentTable, List<ColumnMapping> columns, int depth) {
        public Part {
            columns = List.copyOf(columns);
        }
    }

    private final List<Part> parts;
    private final Part[] byColumn;

    JoinedTables(List<Part> parts, int columnCount) {
        List<Part> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt(Part::depth));
        this.parts = List.copyOf(sorted);
        this.byColumn = new Part[columnCount];
        for (Part part : sorted) {
            for (ColumnMapping c : part.columns()) byColumn[c.index()] = part;
        }
    }

    /** The tables of {@code draft}'s subclasses and which of {@code columns} each holds (by declaring class). */
    static JoinedTables of(HierarchyDraft draft, List<ColumnMapping> columns) {
        java.util.Map<Class<?>, String> tables = new java.util.LinkedHashMap<>();
        tables.put(draft.base().type(), draft.base().table());
        for (EntitySpec member : draft.members()) tables.put(member.type(), member.table());
        java.util.Map<Class<?>, List<ColumnMapping>> owned = new java.util.LinkedHashMap<>();
        for (ColumnMapping column : columns) {
            Class<?> declaring = draft.field(column.attribute()).map(java.lang.reflect.Field::getDeclaringClass).orElse(null);
            Class<?> owner = declaring == null ? null : nearest(declaring, tables);
            if (owner != null && owner != draft.base().type()) owned.computeIfAbsent(owner, k -> new ArrayList<>()).add(column);
        }
        List<Part> parts = new ArrayList<>();
        for (EntitySpec member : draft.members()) {
            int depth = 0;
            Class<?> parent = null;
            for (Class<?> c = member.type().getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
                if (!tables.containsKey(c)) continue;
                if (parent == null) parent = c;
                depth++;
            }
            if (parent == null) continue;
            parts.add(new Part(member.type(), member.table(), tables.get(parent),
                    owned.getOrDefault(member.type(), List.of()), depth));
        }
        return new JoinedTables(parts, columns.size() + 1);
    }

    /** {@code type} or its nearest superclass with a table. */
    private static Class<?> nearest(Class<?> type, java.util.Map<Class<?>, String> tables) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (tables.containsKey(c)) return c;
        }
        return null;
    }

    /** Every subclass table, parents first. */
    public List<Part> parts() { return parts; }

    /** The tables an object of {@code type} has a row in besides the base table, parents first. */
    public List<Part> partsOf(Class<?> type) {
        List<Part> out = new ArrayList<>();
        for (Part part : parts) if (part.type().isAssignableFrom(type)) out.add(part);
        return out;
    }

    /** The subclass table holding {@code column}, or null for a column of the base table. */
    public Part partOf(ColumnMapping column) {
        return column.index() < byColumn.length ? byColumn[column.index()] : null;
    }

    /** True when {@code column} lives in a subclass table (not in the base table). */
    public boolean inSubclassTable(ColumnMapping column) {
        return partOf(column) != null;
    }
}
