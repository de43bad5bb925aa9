package dev.braid.core.internal.meta;

import dev.braid.annotation.Embedded;
import dev.braid.error.MappingProblem;
import dev.braid.error.MappingProblem.Kind;
import org.jspecify.annotations.Nullable;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configure step for the components of one entity's {@code @Embedded} values (attributes
 * {@code shipTo.city}): finds the value field and type, refuses what cannot work (a type Braid cannot
 * create, a key, version, foreign key or relationship inside, a nested value, a record owner), naming
 * {@code Class.attribute} and the fix, and gives each component its field and access.
 */
final class EmbeddedComponents {
    /** A component's field (its type and annotations) and how to reach it through its owner. */
    record Component(Field field, PropertyAccess access) { }

    private final Class<?> owner;
    private final String entity;
    private final List<MappingProblem> problems;
    // Per value field: its type, or empty once its problem is reported.
    private final Map<String, Optional<Root>> roots = new HashMap<>();

    private record Root(PropertyAccess field, EmbeddedType type) { }

    // The hierarchy whose classes' fields the owner's mapping holds, or null.
    private final @Nullable HierarchyDraft hierarchy;

    EmbeddedComponents(Class<?> owner, @Nullable HierarchyDraft hierarchy, List<MappingProblem> problems) {
        this.owner = owner;
        this.hierarchy = hierarchy;
        this.entity = owner.getSimpleName();
        this.problems = problems;
    }

    /** True for an attribute naming a component of an embedded value. */
    static boolean isComponent(String attribute) {
        return attribute.indexOf('.') >= 0;
    }

    /** True when some component was resolved (the entity then has no generated column accessor). */
    boolean any() {
        return !roots.isEmpty();
    }

    /** The component's field and access, or null after reporting why there is none. */
    Component resolve(ColumnSpec column) {
        String attribute = column.attribute();
        String[] path = attribute.split("\\.", -1);
        Optional<Root> root = roots.computeIfAbsent(path[0], this::root);
        if (root.isEmpty()) return null;
        String qualified = entity + "." + attribute;
        if (path.length > 2) {
            report(Kind.EMBEDDED_NESTED, attribute, qualified + " is a component of a value nested in embedded "
                    + entity + "." + path[0], "flatten the nested value into " + root.get().type().type().getSimpleName()
                    + ", or store it with a converter or as JSON");
            return null;
        }
        EmbeddedType type = root.get().type();
        if (path[1].isEmpty()) {
            report(Kind.EMBEDDED_NOT_INSTANTIABLE, path[0], entity + "." + path[0] + " is embedded, but its type "
                    + type.type().getSimpleName() + " has no persistent fields", "give it fields, or remove @Embedded");
            return null;
        }
        int index = type.indexOf(path[1]);
        Optional<Field> relation = index >= 0 ? Optional.empty()
                : PersistentFields.named(type.type(), path[1]).filter(PersistentFields::isRelation);
        if (relation.isPresent()) {
            report(Kind.EMBEDDED_KEY_OR_RELATIONSHIP, attribute, qualified + " is a relationship inside embedded value "
                    + type.type().getSimpleName() + ": an embedded value is plain columns of its owner",
                    "declare it on " + entity + " itself, or remove the annotation");
            return null;
        }
        if (index < 0) {
            report(Kind.UNKNOWN_ATTRIBUTE, attribute, qualified + " does not exist: " + type.type().getSimpleName()
                    + " has no persistent field named '" + path[1] + "'", "name one of "
                    + type.fields().stream().map(Field::getName).toList());
            return null;
        }
        Field field = type.fields().get(index);
        if (field.isAnnotationPresent(Embedded.class)) {
            report(Kind.EMBEDDED_NESTED, attribute, qualified + " is an @Embedded value inside embedded "
                    + entity + "." + path[0] + ": nested embedded values are not supported", "move its fields into "
                    + type.type().getSimpleName() + ", or store it with a converter or as JSON (@Json)");
            return null;
        }
        if (column.id() || column.version() || column.hasForeignKey()
                || column.generation() != IdGeneration.ASSIGNED) {
            report(Kind.EMBEDDED_KEY_OR_RELATIONSHIP, attribute, qualified + " is " + what(field, column)
                    + " inside embedded value " + type.type().getSimpleName() + ": an embedded value is plain columns"
                    + " of its owner", "declare it on " + entity + " itself, or remove the annotation");
            return null;
        }
        return new Component(field, new EmbeddedComponentAccess(root.get().field(), type, index));
    }

    private static String what(Field field, ColumnSpec column) {
        if (column.id()) return "an @Id";
        if (column.version()) return "a @Version";
        if (column.hasForeignKey()) return "a @ForeignKey";
        return "a generated key";
    }

    private Optional<Root> root(String name) {
        String qualified = entity + "." + name;
        if (owner.isRecord()) {
            report(Kind.EMBEDDED_ON_RECORD, name, qualified + " is an embedded value on record " + entity
                    + " (a read-only view)", "map " + entity + " as a class, or map the value's columns as record components");
            return Optional.empty();
        }
        Optional<Field> field = hierarchy == null ? PersistentFields.named(owner, name) : hierarchy.field(name);
        if (field.isEmpty()) {
            report(Kind.UNKNOWN_ATTRIBUTE, name, qualified + " does not exist: " + entity + " has no field named '"
                    + name + "'", "correct the attribute name of .embedded(...) in its EntityDefinition");
            return Optional.empty();
        }
        Class<?> type = field.get().getType();
        if (type.isPrimitive() || type.isArray() || type.isEnum() || type.isInterface()
                || Modifier.isAbstract(type.getModifiers()) || type.getName().startsWith("java.")) {
            report(Kind.EMBEDDED_NOT_INSTANTIABLE, name, qualified + " is embedded but has type " + type.getName()
                    + ", which is not a value type with fields", "embed a record or a concrete class with fields, or"
                    + " map " + name + " as a plain column (remove @Embedded)");
            return Optional.empty();
        }
        try {
            PropertyAccess access = hierarchy == null ? new FieldAccess(field.get()) : hierarchy.access(field.get());
            return Optional.of(new Root(access, EmbeddedType.of(type)));
        } catch (NoSuchMethodException e) {
            report(Kind.EMBEDDED_NOT_INSTANTIABLE, name, qualified + " is embedded, but its type "
                    + type.getSimpleName() + " has no no-arg constructor, so Braid cannot create it from a row",
                    "add one to " + type.getSimpleName() + " (it may be private), or make it a record");
        } catch (ReflectiveOperationException | RuntimeException e) {
            report(Kind.EMBEDDED_NOT_INSTANTIABLE, name, qualified + " is embedded, but its type " + type.getName()
                    + " cannot be created by Braid (" + e + ")", "make it accessible (open its package to dev.braid.core)");
        }
        return Optional.empty();
    }

    private void report(Kind kind, String attribute, String problem, String fix) {
        problems.add(new MappingProblem(kind, entity, attribute, problem, fix));
    }
}
