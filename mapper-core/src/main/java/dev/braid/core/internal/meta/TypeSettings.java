package dev.braid.core.internal.meta;

import dev.braid.mapping.spi.JsonCodec;
import dev.braid.mapping.spi.ValueConverter;

import java.util.Map;

/**
 * The registry-wide storage settings: converters applying to every attribute of their Java type, and the
 * JSON codec (null when none is registered and Jackson is absent).
 *
 * @param converters converters by their Java type
 * @param jsonCodec  the registered codec, or null
 */
public record TypeSettings(Map<Class<?>, ValueConverter<?, ?>> converters, JsonCodec jsonCodec) {
    /** No converters, the default codec. */
    public static final TypeSettings DEFAULT = new TypeSettings(Map.of(), null);

    public TypeSettings {
        converters = Map.copyOf(converters);
    }
}
