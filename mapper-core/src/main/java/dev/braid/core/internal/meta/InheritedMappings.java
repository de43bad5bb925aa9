package dev.braid.core.internal.meta;

import dev.braid.error.MappingProblem;
import dev.braid.error.MappingProblem.Kind;

import java.util.ArrayList;
import java.util.List;

/** Freezes the merged spec of an inheritance hierarchy into its one {@link EntityMapping}. */
final class InheritedMappings {
    private InheritedMappings() {}

    /**
     * The hierarchy's mapping: {@code columns} (the base's and the subclasses' own) plus the discriminator, a
     * polymorphic instantiator; null when problems were reported.
     */
    static EntityMapping freeze(EntitySpec spec, List<ColumnMapping> columns, Hierarchies.HierarchyDraft hierarchy,
                                List<MappingProblem> problems, int problemsBefore) {
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
        if (problems.size() > problemsBefore || instantiator == null) return null;
        return new EntityMapping(spec.type(), spec.table(), all, instantiator, null).withLifecycle(lifecycle)
                .inHierarchy(hierarchy.hierarchy());
    }
}
