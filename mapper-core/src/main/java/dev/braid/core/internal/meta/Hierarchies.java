package dev.braid.core.internal.meta;

import dev.braid.annotation.InheritanceStrategy;
import dev.braid.error.MappingProblem;
import dev.braid.error.MappingProblem.Kind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inheritance half of the configure step: finds each hierarchy (an {@code @Inheritance} base and the
 * registered classes extending it), validates it, and merges it into one spec over the base's table (the
 * base's columns, then each subclass's own columns, nullable, then the discriminator), which the
 * configurer freezes as the hierarchy's one {@link EntityMapping}.
 */
final class Hierarchies {
    private final List<MappingProblem> problems;
    private final Map<Class<?>, HierarchyDraft> byBase = new LinkedHashMap<>();
    private final Map<Class<?>, Class<?>> baseOf = new LinkedHashMap<>();

    Hierarchies(List<MappingProblem> problems) {
        this.problems = problems;
    }

    /** The specs to freeze: each base replaced by its hierarchy's merged spec, the subclasses removed. */
    Map<Class<?>, EntitySpec> group(Map<Class<?>, EntitySpec> byType) {
        for (EntitySpec spec : byType.values()) {
            if (spec.inheritance().isBase()) byBase.put(spec.type(), new HierarchyDraft(spec, problems));
        }
        Map<Class<?>, EntitySpec> out = new LinkedHashMap<>();
        for (EntitySpec spec : byType.values()) {
            HierarchyDraft draft = spec.inheritance().isBase() ? null : nearestBase(spec.type());
            if (draft == null) {
                if (!spec.inheritance().isBase() && spec.inheritance().discriminatorValue() != null) {
                    String entity = spec.type().getSimpleName();
                    report(Kind.INHERITANCE_NO_BASE, entity, null, entity + " declares a discriminator value but no"
                            + " registered superclass is an @Inheritance base", "annotate its base class with"
                            + " @Inheritance and register it, or remove @DiscriminatorValue");
                }
                out.put(spec.type(), spec);
                continue;
            }
            draft.add(spec);
            baseOf.put(spec.type(), draft.base().type());
        }
        for (HierarchyDraft draft : byBase.values()) {
            if (draft.strategy() != InheritanceStrategy.SINGLE_TABLE && draft.strategy() != InheritanceStrategy.JOINED) {
                String entity = draft.base().type().getSimpleName();
                report(Kind.INHERITANCE_UNSUPPORTED, entity, null, entity + " uses " + draft.strategy()
                        + " inheritance, which Braid does not support yet", "use InheritanceStrategy.SINGLE_TABLE");
            }
            out.put(draft.base().type(), draft.merge());
        }
        for (EntitySpec spec : byType.values()) checkTargets(spec);
        return out;
    }

    /**
     * A collection of a subclass would load every row of the hierarchy's table with the foreign key: refused
     * (a reference to a subclass is fine, its key names one row).
     */
    private void checkTargets(EntitySpec spec) {
        for (RelationSpec relation : spec.relations()) {
            boolean collection = relation.kind() == RelationSpec.Kind.ONE_TO_MANY
                    || relation.kind() == RelationSpec.Kind.MANY_TO_MANY;
            Class<?> base = relation.target() == null ? null : baseOf.get(relation.target());
            if (!collection || base == null) continue;
            String entity = spec.type().getSimpleName();
            report(Kind.INHERITANCE_UNSUPPORTED, entity, relation.attribute(), entity + "." + relation.attribute()
                    + " is a collection of " + relation.target().getSimpleName() + ", a subclass in "
                    + base.getSimpleName() + "'s hierarchy, which Braid does not map yet", "make it a collection of "
                    + base.getSimpleName() + " (it holds objects of every subclass)");
        }
    }

    /** The hierarchy based at {@code type}, or null when it is no base. */
    HierarchyDraft draft(Class<?> type) {
        return byBase.get(type);
    }

    /** Each subclass's base. */
    Map<Class<?>, Class<?>> baseOf() {
        return baseOf;
    }

    private HierarchyDraft nearestBase(Class<?> type) {
        for (Class<?> c = type.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            HierarchyDraft draft = byBase.get(c);
            if (draft != null) return draft;
        }
        return null;
    }

    private void report(Kind kind, String entity, String attribute, String problem, String fix) {
        problems.add(new MappingProblem(kind, entity, attribute, problem, fix));
    }
}
