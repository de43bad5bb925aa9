package dev.braid.core.internal.meta;

import dev.braid.annotation.InheritanceStrategy;
import dev.braid.error.MappingProblem;
import dev.braid.error.MappingProblem.Kind;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One inheritance hierarchy as the configure step collects it ({@link Hierarchies}): its base, its subclasses and
 * their discriminator values; it merges them into one spec and makes the frozen {@link Hierarchy}.
 */
final class HierarchyDraft {
    private final List<MappingProblem> problems;
    private final EntitySpec base;
    private final List<EntitySpec> members = new ArrayList<>();
    private final Map<Class<?>, String> values = new LinkedHashMap<>();
    private final Map<String, Class<?>> valueOwners = new LinkedHashMap<>();
    private Hierarchy frozen;

    HierarchyDraft(EntitySpec base, List<MappingProblem> problems) {
        this.base = base;
        this.problems = problems;
        value(base);
    }

    InheritanceStrategy strategy() {
        return base.inheritance().strategy();
    }

    String discriminatorColumn() {
        return base.inheritance().discriminatorColumn();
    }

    void add(EntitySpec member) {
        String entity = member.type().getSimpleName();
        if (!member.inheritance().declaredEntity()) {
            report(Kind.INHERITANCE_NOT_ENTITY, entity, null, entity + " extends " + base.type().getSimpleName()
                    + ", the base of an inheritance hierarchy, but is not annotated @Entity",
                    "annotate " + entity + " with @Entity (and @DiscriminatorValue)");
        }
        boolean ownTable = !member.table().equalsIgnoreCase(base.table())
                && !member.table().equals(Names.snakeCase(member.type().getSimpleName()));
        if (ownTable && strategy() == InheritanceStrategy.SINGLE_TABLE) {
            report(Kind.INHERITANCE_UNSUPPORTED, entity, null, entity + " names table " + member.table() + ", but the"
                    + " classes of a single-table hierarchy share " + base.type().getSimpleName() + "'s table "
                    + base.table(), "remove the table name from " + entity);
        }
        if (strategy() == InheritanceStrategy.JOINED && member.table().equalsIgnoreCase(base.table())) {
            report(Kind.INHERITANCE_UNSUPPORTED, entity, null, entity + " is in " + base.type().getSimpleName()
                    + "'s joined-table hierarchy but names no table of its own", "name its table:"
                    + " @Entity(table = \"...\") on " + entity + " (it holds " + entity + "'s own columns)");
        }
        members.add(member);
        value(member);
    }

    private void value(EntitySpec spec) {
        Class<?> type = spec.type();
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) return;
        String value = spec.inheritance().discriminatorValue() != null ? spec.inheritance().discriminatorValue()
                : type.getSimpleName().toLowerCase(Locale.ROOT);
        Class<?> other = valueOwners.putIfAbsent(value, type);
        if (other != null) {
            report(Kind.INHERITANCE_DUPLICATE_VALUE, type.getSimpleName(), null, other.getSimpleName() + " and "
                    + type.getSimpleName() + " both have discriminator value '" + value + "'",
                    "give one of them another @DiscriminatorValue (.discriminatorValue(...) in an EntityDefinition)");
            return;
        }
        values.put(type, value);
    }

    EntitySpec base() {
        return base;
    }

    private void report(Kind kind, String entity, String attribute, String problem, String fix) {
        problems.add(new MappingProblem(kind, entity, attribute, problem, fix));
    }

    /** The base's spec with every subclass's own columns (nullable) and relationships. */
    EntitySpec merge() {
        List<ColumnSpec> columns = new ArrayList<>(base.columns());
        List<RelationSpec> relations = new ArrayList<>(base.relations());
        Set<String> attributes = new HashSet<>();
        base.columns().forEach(c -> attributes.add(c.attribute()));
        base.relations().forEach(r -> attributes.add(r.attribute()));
        for (EntitySpec member : members) {
            String entity = member.type().getSimpleName();
            for (ColumnSpec column : member.columns()) {
                if (!attributes.add(column.attribute())) continue;
                if (column.id()) {
                    report(Kind.INHERITANCE_ID_ON_SUBCLASS, entity, column.attribute(), entity + "." + column.attribute()
                            + " is an @Id on a subclass of " + base.type().getSimpleName() + ": the hierarchy's id is"
                            + " its base's", "remove @Id from " + entity + "." + column.attribute()
                            + " (declare the id on " + base.type().getSimpleName() + ")");
                    continue;
                }
                Optional<Field> field = PersistentFields.named(member.type(), column.attribute());
                if (field.isPresent() && field.get().getType().isPrimitive() && strategy() == InheritanceStrategy.SINGLE_TABLE) {
                    report(Kind.INHERITANCE_PRIMITIVE_SUBCLASS_ATTRIBUTE, entity, column.attribute(), entity + "."
                            + column.attribute() + " is a primitive " + field.get().getType() + ", but rows of the"
                            + " other classes of " + base.type().getSimpleName() + "'s table leave it NULL",
                            "use the wrapper type " + Boxing.boxed(field.get().getType()).getSimpleName());
                }
                columns.add(strategy() == InheritanceStrategy.JOINED ? column : column.asNullable());
            }
            for (RelationSpec relation : member.relations()) {
                if (!attributes.add(relation.attribute())) continue;
                report(Kind.INHERITANCE_UNSUPPORTED, entity, relation.attribute(), entity + "." + relation.attribute()
                        + " is a relationship declared on a subclass of " + base.type().getSimpleName()
                        + ", which Braid does not map yet", "declare it on " + base.type().getSimpleName()
                        + " (every class of the hierarchy then has it)");
            }
        }
        String discriminator = discriminatorColumn();
        for (ColumnSpec column : columns) {
            if (column.column().equalsIgnoreCase(discriminator) || column.attribute().equals(discriminator)) {
                String entity = base.type().getSimpleName();
                report(Kind.INHERITANCE_DISCRIMINATOR_CLASH, entity, column.attribute(), "the discriminator column '"
                        + discriminator + "' of " + entity + "'s hierarchy is also mapped by attribute "
                        + column.attribute(), "name the discriminator column otherwise"
                        + " (@DiscriminatorColumn(name = ...)), or map the attribute to another column;"
                        + " Braid writes the discriminator itself");
            }
        }
        return new EntitySpec(base.type(), base.table(), columns, relations, base.inheritance());
    }

    /** The subclasses' specs, in registration order. */
    List<EntitySpec> members() {
        return members;
    }

    /** The field of an attribute of the base or of one of its subclasses. */
    Optional<Field> field(String attribute) {
        Optional<Field> found = PersistentFields.named(base.type(), attribute);
        for (int i = 0; i < members.size() && found.isEmpty(); i++) {
            found = PersistentFields.named(members.get(i).type(), attribute);
        }
        return found;
    }

    /** Access to a field: a subclass's field reads as NULL on objects of the other classes. */
    PropertyAccess access(Field field) {
        FieldAccess access = new FieldAccess(field);
        return field.getDeclaringClass().isAssignableFrom(base.type()) ? access
                : new SubclassFieldAccess(field.getDeclaringClass(), access,
                        strategy() == InheritanceStrategy.JOINED && field.getType().isPrimitive());
    }

    /** The frozen hierarchy (made once). */
    Hierarchy hierarchy() {
        if (frozen == null) {
            Set<Class<?>> classes = new LinkedHashSet<>();
            classes.add(base.type());
            members.forEach(m -> classes.add(m.type()));
            frozen = new Hierarchy(base.type(), strategy(), base.table(), discriminatorColumn(), values, classes);
        }
        return frozen;
    }

    /** The discriminator column, last in the mapping's columns. */
    ColumnMapping discriminator(int index) {
        ColumnSpec spec = new ColumnSpec(discriminatorColumn(), discriminatorColumn(),
                base.inheritance().discriminatorLength(), false, false, 0, 0, false, IdGeneration.ASSIGNED, false,
                null, null, null);
        return new ColumnMapping(base.type(), spec, ValueTypes.forClass(String.class).orElseThrow(), null, index,
                new DiscriminatorAccess(hierarchy()));
    }

    /** Creates each row's object as the class its discriminator names; null when a class cannot be created. */
    Instantiator instantiator(List<ColumnMapping> columns) throws ReflectiveOperationException {
        Map<Class<?>, Instantiator> byClass = new LinkedHashMap<>();
        for (Class<?> type : values.keySet()) {
            byClass.put(type, Instantiator.forClass(type, null, columns));
        }
        return new PolymorphicInstantiator(hierarchy(), columns.size() - 1, byClass);
    }
}
