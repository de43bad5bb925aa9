package dev.braid.reactive.inherit;

import dev.braid.mapping.MappingRegistry;

/** The models of the inheritance contracts. */
public final class InheritModels {
    private InheritModels() {}

    /** The single-table hierarchy of {@link Staff} with {@link Firm}. */
    public static MappingRegistry singleTable() {
        return MappingRegistry.builder()
                .entity(Firm.class, Staff.class, Engineer.class, Manager.class, Principal.class, Laptop.class)
                .build();
    }
}
