package dev.braid.reactive.relopts;

import dev.braid.mapping.MappingRegistry;

/** The relationship-options test model (tables prefixed ro_). */
public final class RelOptsModel {
    private RelOptsModel() {}

    public static MappingRegistry registry() {
        return MappingRegistry.builder()
                .entity(Library.class, Volume.class, Reader.class, Label.class, Bookmark.class,
                        Shipment.class, Parcel.class, Club.class, Membership.class, Person.class)
                .build();
    }
}
