package dev.braid.core.internal.meta;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.LoadStrategy;
import dev.braid.error.MappingProblem;
import dev.braid.error.MappingProblem.Kind;
import dev.braid.relation.RelatedList;
import dev.braid.relation.Reference;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The relationship half of the configure step: finds the column pair linking two tables for every
 * declared relationship, checks reverses against each other, and reports every problem with a fix.
 */
final class RelationshipResolver {
    private final Map<Class<?>, EntitySpec> specs;
    private final Map<Class<?>, EntityMapping> mappings;
    private final List<MappingProblem> problems;
    // The further column pairs of the composite foreign key of the relationship being resolved, or null.
    private List<RelationshipOptions.ColumnPair> pendingPairs;

    RelationshipResolver(Map<Class<?>, EntitySpec> specs, Map<Class<?>, EntityMapping> mappings, List<MappingProblem> problems) {
        this.specs = specs;
        this.mappings = mappings;
        this.problems = problems;
    }

    void resolve() {
        Map<EntityMapping, List<RelationshipMapping>> resolved = new HashMap<>();
        for (EntityMapping owner : mappings.values()) {
            if (!specs.containsKey(owner.type()) || resolved.containsKey(owner)) continue; // subclasses share the base's
            List<RelationshipMapping> relationships = new ArrayList<>();
            for (RelationSpec spec : specs.get(owner.type()).relations()) {
                RelationshipMapping r = resolve(owner, spec);
                if (r != null) relationships.add(r);
            }
            resolved.put(owner, relationships);
        }
        for (Map.Entry<EntityMapping, List<RelationshipMapping>> e : resolved.entrySet()) {
            e.getKey().attach(e.getValue());
        }
        for (List<RelationshipMapping> relationships : resolved.values()) {
            for (RelationshipMapping r : relationships) {
                if (r.reverseName() != null) {
                    r.target().relationship(r.reverseName()).ifPresent(r::reverse);
                }
            }
        }
        ImplicitReverses.attach(resolved);
    }

    private RelationshipMapping resolve(EntityMapping owner, RelationSpec spec) {
        String name = owner.name() + "." + spec.attribute();
        if (spec.kind() == RelationSpec.Kind.UNDECLARED) {
            report(Kind.RELATIONSHIP_UNDECLARED, owner, spec.attribute(), name + " is a relationship wrapper without a"
                    + " relationship annotation", "annotate it with @ManyToOne or @OneToOne (Reference) or @OneToMany"
                    + " or @ManyToMany (RelatedList)");
            return null;
        }
        if (owner.readOnly()) {
            report(Kind.RELATIONSHIP_ON_RECORD, owner, spec.attribute(), name + " is a relationship on a record,"
                    + " and records are read-only views", "map a class");
            return null;
        }
        if (spec.target() == null) {
            report(Kind.RELATIONSHIP_TARGET_UNNAMED, owner, spec.attribute(), name + " does not name its target type",
                    "declare it with a type argument, e.g. RelatedList<Book>");
            return null;
        }
        EntityMapping target = mappings.get(spec.target());
        if (target == null && specs.containsKey(spec.target())) {
            return null; // registered but broken: its own problems are reported
        }
        if (target == null) {
            report(Kind.RELATIONSHIP_TARGET_NOT_REGISTERED, owner, spec.attribute(), name + " targets "
                    + spec.target().getSimpleName() + ", which is not registered",
                    "register " + spec.target().getSimpleName() + " with the MappingRegistry builder");
            return null;
        }
        Optional<Field> field = PersistentFields.named(owner.type(), spec.attribute());
        if (field.isEmpty()) {
            report(Kind.RELATIONSHIP_UNKNOWN_ATTRIBUTE, owner, spec.attribute(), name + " does not exist: "
                    + owner.name() + " has no field named '" + spec.attribute() + "'", null);
            return null;
        }
        boolean collection = spec.kind() == RelationSpec.Kind.ONE_TO_MANY || spec.kind() == RelationSpec.Kind.MANY_TO_MANY;
        boolean writeOnly = spec.load() == LoadStrategy.WRITE_ONLY;
        if (writeOnly && !collection) {
            report(Kind.WRITE_ONLY_NOT_COLLECTION, owner, spec.attribute(), name + " is WRITE_ONLY but not a collection",
                    "WRITE_ONLY is for one-to-many and many-to-many");
            return null;
        }
        Class<?> expected = writeOnly ? dev.braid.relation.WriteOnlyCollection.class
                : collection ? RelatedList.class : Reference.class;
        if (field.get().getType() != expected && !(expected == RelatedList.class
                && field.get().getType() == dev.braid.relation.RelatedSet.class)) {
            report(Kind.RELATIONSHIP_FIELD_TYPE, owner, spec.attribute(), name + " is " + spec.kind()
                    + " but its field is " + field.get().getType().getSimpleName(), "declare it as "
                    + expected.getSimpleName() + "<" + target.name() + "> initialised with " + expected.getSimpleName() + ".of(this)");
            return null;
        }
        int before = problems.size();
        pendingPairs = null;
        new BackPopulatesCheck(specs, problems).check(owner, spec, target, spec.backPopulates() == null ? null
                : reverseSpec(target, spec.backPopulates()));
        if (Cascade.resolve(spec.cascade()).contains(Cascade.DELETE_ORPHAN)
                && (spec.kind() == RelationSpec.Kind.MANY_TO_ONE || spec.kind() == RelationSpec.Kind.MANY_TO_MANY)) {
            report(Kind.DELETE_ORPHAN_NOT_ONE_TO_MANY, owner, spec.attribute(), name + " has cascade DELETE_ORPHAN,"
                    + " but a " + target.name() + " can be referenced by several " + owner.name() + " objects through it,"
                    + " so one letting go does not make it an orphan", "put DELETE_ORPHAN on the one-to-many side"
                    + " (the relationship from the single parent to its children)");
        }
        PropertyAccess access = new FieldAccess(field.get());
        RelationshipMapping result = switch (spec.kind()) {
            case MANY_TO_ONE -> manyToOne(owner, spec, target, access, RelationshipMapping.Direction.MANY_TO_ONE);
            case ONE_TO_MANY -> oneToMany(owner, spec, target, access, RelationshipMapping.Direction.ONE_TO_MANY);
            case ONE_TO_ONE -> oneToOne(owner, spec, target, access);
            case MANY_TO_MANY -> new ManyToManyResolver(mappings, problems).resolve(owner, spec, target, access,
                    spec.backPopulates() == null ? null : reverseSpec(target, spec.backPopulates()));
            case UNDECLARED -> null;
        };
        if (result == null || problems.size() > before) return null;
        RelationSpec reverse = spec.backPopulates() == null ? null : reverseSpec(target, spec.backPopulates());
        RelationshipOptions options = new RelationOptionsResolver(problems).resolve(owner, spec, target, reverse);
        if (options == null) return null;
        result.options(pendingPairs == null ? options : new RelationshipOptions(options.order(), pendingPairs,
                options.conditions(), options.viewOnly()));
        return result;
    }

    private RelationshipMapping manyToOne(EntityMapping owner, RelationSpec spec, EntityMapping target,
                                          PropertyAccess access, RelationshipMapping.Direction direction) {
        List<RelationshipOptions.ColumnPair> composite = spec.foreignKey() != null ? null
                : CompositeForeignKeys.resolve(owner, spec.attribute(), spec.options().foreignKeys(), owner, target, problems);
        if (composite != null) return composite(owner, spec, target, access, direction, composite);
        ColumnMapping fk = foreignKeyColumn(owner, spec.attribute(), spec.foreignKey(), target, owner);
        if (fk == null) return null;
        ColumnMapping referenced = referencedColumn(fk, target);
        if (referenced == null) return null;
        return new RelationshipMapping(owner, spec.attribute(), direction, target, fk, referenced, null,
                spec.backPopulates(), spec.load(), Cascade.resolve(spec.cascade()), spec.chunkSize(), access,
                spec.passiveDeletes());
    }

    private RelationshipMapping oneToMany(EntityMapping owner, RelationSpec spec, EntityMapping target,
                                          PropertyAccess access, RelationshipMapping.Direction direction) {
        String fkAttribute = spec.foreignKey();
        if (fkAttribute == null && spec.backPopulates() != null) {
            RelationSpec reverse = reverseSpec(target, spec.backPopulates());
            if (reverse != null && reverse.foreignKey() != null) fkAttribute = reverse.foreignKey();
        }
        List<String> named = spec.options().foreignKeys();
        if (named.isEmpty() && spec.backPopulates() != null) {
            RelationSpec reverse = reverseSpec(target, spec.backPopulates());
            if (reverse != null) named = reverse.options().foreignKeys();
        }
        List<RelationshipOptions.ColumnPair> composite = fkAttribute != null ? null
                : CompositeForeignKeys.resolve(owner, spec.attribute(), named, target, owner, problems);
        if (composite != null) return composite(owner, spec, target, access, direction, CompositeForeignKeys.swapped(composite));
        ColumnMapping fk = foreignKeyColumn(owner, spec.attribute(), fkAttribute, owner, target);
        if (fk == null) return null;
        ColumnMapping referenced = referencedColumn(fk, owner);
        if (referenced == null) return null;
        return new RelationshipMapping(owner, spec.attribute(), direction, target, referenced, fk, null,
                spec.backPopulates(), spec.load(), Cascade.resolve(spec.cascade()), spec.chunkSize(), access,
                spec.passiveDeletes());
    }

    private RelationshipMapping oneToOne(EntityMapping owner, RelationSpec spec, EntityMapping target, PropertyAccess access) {
        boolean owning;
        if (spec.foreignKey() != null) {
            owning = true;
        } else {
            RelationSpec reverse = spec.backPopulates() == null ? null : reverseSpec(target, spec.backPopulates());
            if (reverse != null && (reverse.foreignKey() != null || reverse.kind() == RelationSpec.Kind.MANY_TO_ONE)) {
                owning = false;
            } else {
                owning = foreignKeysTo(owner, target).size() == 1 && (owner != target || reverse == null);
                if (!owning && foreignKeysTo(target, owner).size() != 1) {
                    report(Kind.ONE_TO_ONE_OWNER_UNKNOWN, owner, spec.attribute(), owner.name() + "." + spec.attribute()
                            + ": cannot tell which side of the one-to-one holds the foreign key",
                            "name it on the owning side with @OneToOne(foreignKey = \"...\")");
                    return null;
                }
            }
        }
        return owning
                ? manyToOne(owner, spec, target, access, RelationshipMapping.Direction.ONE_TO_ONE)
                : oneToMany(owner, spec, target, access, RelationshipMapping.Direction.ONE_TO_ONE_REVERSE);
    }

    /**
     * The foreign-key column on {@code holder} that references {@code referenced}: the named attribute, or
     * the only such column. Reports missing, wrong and ambiguous foreign keys against {@code owner.attribute}.
     */
    private ColumnMapping foreignKeyColumn(EntityMapping owner, String attribute, String named,
                                           EntityMapping referenced, EntityMapping holder) {
        String name = owner.name() + "." + attribute;
        if (named != null) {
            Optional<ColumnMapping> column = holder.attribute(named);
            if (column.isEmpty()) {
                report(Kind.FOREIGN_KEY_ATTRIBUTE_NOT_MAPPED, owner, attribute, name + " names foreign key "
                        + holder.name() + "." + named + ", which is not a mapped attribute",
                        "use one of " + holder.columns().stream().map(ColumnMapping::attribute).toList());
                return null;
            }
            ForeignKeyTarget fk = column.get().foreignKey();
            if (fk == null || !fk.table().equalsIgnoreCase(referenced.table())) {
                report(Kind.FOREIGN_KEY_WRONG_TABLE, owner, attribute, name + " uses " + holder.name() + "." + named
                        + " as foreign key, but it does not reference table " + referenced.table(),
                        "annotate it @ForeignKey(entity = " + referenced.name() + ".class)");
                return null;
            }
            return column.get();
        }
        List<ColumnMapping> candidates = foreignKeysTo(holder, referenced);
        if (candidates.isEmpty()) {
            report(Kind.NO_FOREIGN_KEY, owner, attribute, name + ": no foreign key links " + holder.table() + " to "
                    + referenced.table(), "add a column to " + holder.name() + " annotated @ForeignKey(entity = "
                    + referenced.name() + ".class)");
            return null;
        }
        if (candidates.size() > 1) {
            report(Kind.AMBIGUOUS_FOREIGN_KEY, owner, attribute, name + ": ambiguous, " + holder.name()
                    + " has several foreign keys to " + referenced.table() + " "
                    + candidates.stream().map(ColumnMapping::attribute).toList(),
                    "name one with foreignKey = \"" + candidates.get(0).attribute() + "\"");
            return null;
        }
        return candidates.get(0);
    }

    private ColumnMapping referencedColumn(ColumnMapping fk, EntityMapping referenced) {
        for (ColumnMapping c : referenced.columns()) {
            if (c.column().equalsIgnoreCase(fk.foreignKey().column())) return c;
        }
        problems.add(new MappingProblem(Kind.REFERENCED_COLUMN_NOT_MAPPED, fk.entityType().getSimpleName(), fk.attribute(),
                fk.qualifiedName() + " references " + fk.foreignKey() + ", which " + referenced.name() + " does not map", null));
        return null;
    }

    private static List<ColumnMapping> foreignKeysTo(EntityMapping holder, EntityMapping referenced) {
        List<ColumnMapping> out = new ArrayList<>();
        for (ColumnMapping c : holder.columns()) {
            if (c.foreignKey() != null && c.foreignKey().table().toLowerCase(Locale.ROOT)
                    .equals(referenced.table().toLowerCase(Locale.ROOT))) {
                out.add(c);
            }
        }
        return out;
    }

    private RelationSpec reverseSpec(EntityMapping target, String name) {
        EntitySpec spec = specs.get(target.type());
        if (spec == null) return null;
        for (RelationSpec r : spec.relations()) {
            if (r.attribute().equals(name)) return r;
        }
        return null;
    }

    /** A relationship over the column {@code pairs} (local, remote) of a composite foreign key; null after a problem. */
    private RelationshipMapping composite(EntityMapping owner, RelationSpec spec, EntityMapping target, PropertyAccess access,
                                          RelationshipMapping.Direction direction, List<RelationshipOptions.ColumnPair> pairs) {
        if (pairs.isEmpty()) return null; // reported
        if (spec.load() == LoadStrategy.WRITE_ONLY) {
            report(Kind.COMPOSITE_FOREIGN_KEY_MISMATCH, owner, spec.attribute(), owner.name() + "." + spec.attribute()
                    + " is WRITE_ONLY over a composite foreign key", "use a RelatedList (loaded) for it");
            return null;
        }
        pendingPairs = pairs.subList(1, pairs.size());
        return new RelationshipMapping(owner, spec.attribute(), direction, target, pairs.get(0).local(),
                pairs.get(0).remote(), null, spec.backPopulates(), spec.load(), Cascade.resolve(spec.cascade()),
                spec.chunkSize(), access, spec.passiveDeletes());
    }

    private void report(Kind kind, EntityMapping owner, String attribute, String problem, String fix) {
        problems.add(new MappingProblem(kind, owner.name(), attribute, problem, fix));
    }
}
