package dev.braid.reactive.typed;

import dev.braid.annotation.EnumStorage;
import dev.braid.mapping.EntityDefinition;
import dev.braid.mapping.MappingRegistry;
import dev.braid.mapping.spi.ValueConverter;
import dev.braid.query.Attribute;
import dev.braid.query.ComparableAttribute;

/** The registries of the type contracts. */
public final class TypedModels {
    private TypedModels() {}

    public static final ValueConverter<Priority, String> PRIORITY_CODES =
            dev.braid.mapping.Converters.of(Priority.class, String.class, p -> p.code, Priority::ofCode);

    /** Fluent-builder attribute references of {@link LegacyTicket}. */
    public static final ComparableAttribute<LegacyTicket, Money> LEGACY_PRICE =
            Attribute.comparable(LegacyTicket.class, "price", Money.class);
    public static final Attribute<LegacyTicket, Mood> LEGACY_MOOD = Attribute.of(LegacyTicket.class, "mood", Mood.class);

    public static MappingRegistry converters() {
        return MappingRegistry.builder()
                .converter(PRIORITY_CODES)
                .entity(Ticket.class)
                .define(EntityDefinition.of(LegacyTicket.class).table("legacy_tickets")
                        .id("id")
                        .column("price", c -> c.converter(new MoneyConverter()).precision(12, 2))
                        .column("ordinal", c -> c.enumerated(EnumStorage.ORDINAL))
                        .column("mood", c -> c.nativeEnum("legacy_mood")))
                .build();
    }

    public static MappingRegistry documents() {
        return MappingRegistry.builder().entity(Profile.class).build();
    }
}
