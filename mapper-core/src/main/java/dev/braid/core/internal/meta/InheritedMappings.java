package dev.braid.core.internal.meta;

import dev.braid.error.MappingProblem;
import dev.braid.error.MappingProblem.Kind;

import java.util.ArrayList;
import java.util.List;

/** Freezes the merged spec of an inheritance hierarchy into its one {@link EntityMapping}. */
final class InheritedMappings {
    private InheritedMappings() {}

    private static int callbacks(LifecycleMethods methods) {
        int n = 0;
        for (LifecycleMethods.Event event : LifecycleMethods.Event.values()) n += methods.of(event).size();
        return n;
    }

    /**
     * The hierarchy's mapping: {@code columns} (the base's and the subclasses' own) plus the discriminator, a
     * polymorphic instantiator; null when problems were reported.
     */
    static EntityMapping freeze(EntitySpec spec, List<ColumnMapping> columns, HierarchyDraft hierarchy,
                                List<MappingProblem> problems, int problemsBefore) {
        if (hierarchy.strategy() == dev.braid.annotation.InheritanceStrategy.JOINED) {
            hierarchy.hierarchy().joined(JoinedTables.of(hierarchy, columns));
        }
        List<ColumnMapping> all = new ArrayList<>(columns);
        all.add(hierarchy.discriminator(all.size()));
        Instantiator instantiator = null;
        try {
            instantiator = hierarchy.instantiator(all);
        } catch (ReflectiveOperationException | RuntimeException e) {
            String entity = spec.type().getSimpleName();
            problems.add(new MappingProblem(Kind.NO_CONSTRUCTOR, entity, null, "a concrete class of " + entity
                    + "'s hierarchy has no usable no-arg constructor (" + e + ")",
                    "give every concrete class a no-arg constructor (it may be private or protected)"));
        }
        LifecycleMethods lifecycle = LifecycleMethods.find(spec.type(), problems);
        for (Class<?> member : hierarchy.hierarchy().classes()) {
            if (member != spec.type() && callbacks(LifecycleMethods.find(member, new ArrayList<>())) > callbacks(lifecycle)) {
                problems.add(new MappingProblem(Kind.INHERITANCE_UNSUPPORTED, member.getSimpleName(), null,
                        member.getSimpleName() + " declares lifecycle callbacks of its own, but Braid calls those of "
                        + spec.type().getSimpleName() + ", the base of its hierarchy, only", "declare them on "
                        + spec.type().getSimpleName() + " (a subclass may override them there)"));
            }
        }
        if (problems.size() > problemsBefore || instantiator == null) return null;
        return new EntityMapping(spec.type(), spec.table(), all, instantiator, null).withLifecycle(lifecycle)
                .inHierarchy(hierarchy.hierarchy());
    }
}
