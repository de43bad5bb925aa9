package dev.braid.reactive.joined;

import dev.braid.mapping.MappingRegistry;

/** The models of the joined-table inheritance contract. */
public final class JoinedModels {
    private JoinedModels() {}

    /** {@link Employee}'s joined-table hierarchy with {@link Company}. */
    public static MappingRegistry registry() {
        return MappingRegistry.builder().entity(Company.class, Employee.class, Engineer.class, Manager.class).build();
    }
}
