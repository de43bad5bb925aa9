package dev.braid.core.internal.meta;

import dev.braid.error.MappingProblem;
import dev.braid.error.MappingProblem.Kind;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a foreign key over a composite primary key (Hibernate's {@code @JoinColumns}): the
 * attributes a relationship names with {@code foreignKeys}, or, when it names none, the foreign-key
 * columns of the holder that together reference every id column of the referenced entity.
 */
final class CompositeForeignKeys {
    private CompositeForeignKeys() {}

    /**
     * The (holder column, referenced column) pairs, in the named order or the referenced key's order;
     * null when the relationship is over one column; an empty list when a problem was reported.
     */
    static @Nullable List<RelationshipOptions.ColumnPair> resolve(EntityMapping owner, String attribute, List<String> named,
                                                              EntityMapping holder, EntityMapping referenced,
                                                              List<MappingProblem> problems) {
        List<ColumnMapping> ids = referenced.idColumns();
        String name = owner.name() + "." + attribute;
        if (named.isEmpty()) {
            if (ids.size() < 2) return null;
            List<RelationshipOptions.ColumnPair> pairs = new ArrayList<>();
            for (ColumnMapping id : ids) {
                ColumnMapping match = null;
                for (ColumnMapping c : holder.columns()) {
                    if (references(c, referenced) && c.foreignKey().column().equalsIgnoreCase(id.column())) {
                        if (match != null) return null; // two candidates: let the single-column rules report it
                        match = c;
                    }
                }
                if (match == null) return null;
                pairs.add(new RelationshipOptions.ColumnPair(match, id));
            }
            return pairs;
        }
        List<RelationshipOptions.ColumnPair> pairs = new ArrayList<>();
        for (String attr : named) {
            Optional<ColumnMapping> column = holder.attribute(attr);
            if (column.isEmpty() || !references(column.get(), referenced)) {
                problems.add(new MappingProblem(Kind.COMPOSITE_FOREIGN_KEY_MISMATCH, owner.name(), attribute, name
                        + " names foreign key " + holder.name() + "." + attr + ", which is not a mapped attribute"
                        + " referencing " + referenced.table(), "annotate it @ForeignKey(entity = " + referenced.name()
                        + ".class, column = \"...\") naming one of " + columnsOf(ids)));
                return List.of();
            }
            ColumnMapping target = null;
            for (ColumnMapping id : ids) {
                if (id.column().equalsIgnoreCase(column.get().foreignKey().column())) target = id;
            }
            if (target != null) pairs.add(new RelationshipOptions.ColumnPair(column.get(), target));
        }
        if (pairs.size() != ids.size() || pairs.stream().map(p -> p.remote()).distinct().count() != ids.size()) {
            problems.add(new MappingProblem(Kind.COMPOSITE_FOREIGN_KEY_MISMATCH, owner.name(), attribute, name
                    + " has foreignKeys " + named + ", which do not reference each column of " + referenced.name()
                    + "'s key " + columnsOf(ids) + " once", "name one foreign-key attribute per key column, each"
                    + " annotated @ForeignKey(entity = " + referenced.name() + ".class, column = \"<key column>\")"));
            return List.of();
        }
        return pairs;
    }

    /** The pairs seen from the other side: (remote, local) for (local, remote); empty stays empty. */
    static List<RelationshipOptions.ColumnPair> swapped(List<RelationshipOptions.ColumnPair> pairs) {
        return pairs.stream().map(p -> new RelationshipOptions.ColumnPair(p.remote(), p.local())).toList();
    }

    private static boolean references(ColumnMapping c, EntityMapping referenced) {
        return c.foreignKey() != null && c.foreignKey().column() != null
                && c.foreignKey().table().toLowerCase(Locale.ROOT).equals(referenced.table().toLowerCase(Locale.ROOT));
    }

    private static List<String> columnsOf(List<ColumnMapping> columns) {
        return columns.stream().map(ColumnMapping::column).toList();
    }
}
