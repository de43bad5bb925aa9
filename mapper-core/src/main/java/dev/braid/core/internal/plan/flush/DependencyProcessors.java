package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.meta.RelationshipMapping;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dependency processors of every mapping, built once per unit of work: per mapping, one per
 * relationship in the mapping's order; per child mapping, the one-to-many processors that back-populate
 * its parents. A flush asks for a mapping's processors once per object, and objects of one mapping tend
 * to come together, so the last answer is kept.
 */
final class DependencyProcessors {
    private static final DependencyProcessor[] NONE = new DependencyProcessor[0];
    private static final OneToManyDP[] NO_PARENTS = new OneToManyDP[0];

    private final Map<EntityMapping, DependencyProcessor[]> byMapping = new IdentityHashMap<>();
    private final Map<EntityMapping, OneToManyDP[]> incoming = new IdentityHashMap<>();
    private EntityMapping lastMapping;
    private DependencyProcessor[] lastProcessors;

    DependencyProcessors(MappingRegistry registry) {
        Map<EntityMapping, List<OneToManyDP>> parents = new IdentityHashMap<>();
        for (EntityMapping m : registry.entities()) {
            DependencyProcessor[] processors = build(m);
            byMapping.put(m, processors);
            for (DependencyProcessor dp : processors) {
                if (dp instanceof OneToManyDP otm && otm.backPopulates()) {
                    parents.computeIfAbsent(dp.relationship().target(), k -> new ArrayList<>()).add(otm);
                }
            }
        }
        parents.forEach((child, list) -> incoming.put(child, list.toArray(NO_PARENTS)));
    }

    /** The processors of {@code mapping}'s relationships, in their order. */
    DependencyProcessor[] of(EntityMapping mapping) {
        if (mapping == lastMapping) return lastProcessors;
        DependencyProcessor[] processors = byMapping.computeIfAbsent(mapping, DependencyProcessors::build);
        lastMapping = mapping;
        lastProcessors = processors;
        return processors;
    }

    /** The one-to-many processors whose children are of {@code child}'s mapping, for back-population. */
    OneToManyDP[] parentsOf(EntityMapping child) {
        return incoming.getOrDefault(child, NO_PARENTS);
    }

    private static DependencyProcessor[] build(EntityMapping mapping) {
        List<RelationshipMapping> relationships = mapping.relationships();
        if (relationships.isEmpty()) return NONE;
        DependencyProcessor[] out = new DependencyProcessor[relationships.size()];
        for (int i = 0; i < out.length; i++) out[i] = DependencyProcessor.of(relationships.get(i));
        return out;
    }
}
