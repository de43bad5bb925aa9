package dev.braid.reactive.embedded;

import dev.braid.mapping.EntityDefinition;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Attribute;
import dev.braid.query.EmbeddedAttribute;
import dev.braid.query.StringAttribute;

/** The registry of the embedded-value contract. */
public final class EmbeddedModels {
    private EmbeddedModels() {}

    /** Builder references to {@link Shipment}'s embedded destination. */
    public static final StringAttribute<Shipment> DESTINATION_CITY = Attribute.string(Shipment.class, "destination.city");
    public static final EmbeddedAttribute<Shipment, Address> DESTINATION =
            EmbeddedAttribute.of(Shipment.class, "destination", Address.class, "city", "zip");

    public static MappingRegistry registry() {
        return MappingRegistry.builder()
                .entity(Customer.class)
                .entity(Order.class)
                .define(EntityDefinition.of(Shipment.class).table("shipments")
                        .id("id")
                        .embedded("destination", Address.class, e -> e.prefix("dest_")
                                .column("city", c -> c.length(60))
                                .column("zip", c -> c.name("zip_code")))
                        .column("weight"))
                .build();
    }
}
