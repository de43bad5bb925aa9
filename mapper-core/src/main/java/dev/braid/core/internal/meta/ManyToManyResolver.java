package dev.braid.core.internal.meta;

import dev.braid.annotation.Cascade;
import dev.braid.error.MappingProblem;
import dev.braid.error.MappingProblem.Kind;

import java.util.List;
import java.util.Map;

/** Resolves a many-to-many through a link table: checks the table, its columns and the reverse's agreement. */
final class ManyToManyResolver {
    private final Map<Class<?>, EntityMapping> mappings;
    private final List<MappingProblem> problems;

    ManyToManyResolver(Map<Class<?>, EntityMapping> mappings, List<MappingProblem> problems) {
        this.mappings = mappings;
        this.problems = problems;
    }

    /** {@code reverse}: the relationship {@code spec.backPopulates()} names, or null; returns null after a problem. */
    RelationshipMapping resolve(EntityMapping owner, RelationSpec spec, EntityMapping target, PropertyAccess access,
                                RelationSpec reverse) {
        String name = owner.name() + "." + spec.attribute();
        if (spec.linkTable() == null || spec.linkColumn() == null || spec.linkInverseColumn() == null) {
            report(Kind.LINK_TABLE_MISSING, owner, spec.attribute(), name + " is many-to-many without a link table",
                    "name table, column and inverseColumn");
            return null;
        }
        if (owner.idColumns().size() != 1 || target.idColumns().size() != 1) {
            report(Kind.LINK_TABLE_COMPOSITE_ID, owner, spec.attribute(), name + ": many-to-many needs single-column"
                    + " ids on both ends", "map the link table as an entity (association object) with two @ManyToOne"
                    + " references instead");
            return null;
        }
        boolean mapped = false;
        for (EntityMapping m : mappings.values()) {
            if (!m.readOnly() && m.table().equalsIgnoreCase(spec.linkTable())) {
                mapped = true;
                for (String column : List.of(spec.linkColumn(), spec.linkInverseColumn())) {
                    boolean exists = m.columns().stream().anyMatch(c -> c.column().equalsIgnoreCase(column));
                    if (!exists) {
                        report(Kind.LINK_TABLE_COLUMN_NOT_MAPPED, owner, spec.attribute(), name + ": link table "
                                + spec.linkTable() + " (mapped by " + m.name() + ") has no column '" + column + "'",
                                "use one of its columns " + m.columns().stream().map(ColumnMapping::column).toList());
                    }
                }
            }
        }
        if (spec.backPopulates() != null) {
            if (reverse != null && reverse.kind() == RelationSpec.Kind.MANY_TO_MANY
                    && (!spec.linkTable().equalsIgnoreCase(String.valueOf(reverse.linkTable()))
                    || !spec.linkColumn().equalsIgnoreCase(String.valueOf(reverse.linkInverseColumn()))
                    || !spec.linkInverseColumn().equalsIgnoreCase(String.valueOf(reverse.linkColumn())))) {
                report(Kind.LINK_TABLE_MISMATCH, owner, spec.attribute(), name + " and its reverse " + target.name()
                        + "." + reverse.attribute() + " disagree on the link table",
                        "the same table, with column and inverseColumn swapped");
            }
        }
        RelationshipMapping.LinkTable link = new RelationshipMapping.LinkTable(spec.linkTable(), spec.linkColumn(),
                spec.linkInverseColumn(), mapped);
        return new RelationshipMapping(owner, spec.attribute(), RelationshipMapping.Direction.MANY_TO_MANY, target,
                owner.idColumns().get(0), target.idColumns().get(0), link, spec.backPopulates(), spec.load(),
                Cascade.resolve(spec.cascade()), spec.chunkSize(), access, spec.passiveDeletes());
    }

    private void report(Kind kind, EntityMapping owner, String attribute, String problem, String fix) {
        problems.add(new MappingProblem(kind, owner.name(), attribute, problem, fix));
    }
}
