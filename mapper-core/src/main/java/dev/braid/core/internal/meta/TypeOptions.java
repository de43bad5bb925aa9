package dev.braid.core.internal.meta;

import dev.braid.annotation.EnumStorage;
import dev.braid.mapping.spi.ValueConverter;

/**
 * What a user declared about how one attribute's values are stored, before validation: a converter (an
 * instance from the fluent builder, or a class from {@code @Convert}), JSON, or an enum storage.
 *
 * @param converter      the attribute's converter, or null
 * @param converterClass the {@code @Convert} class to instantiate, or null
 * @param json           stored as a JSON document
 * @param enumStorage    how an enum is stored, or null for the default (by name)
 * @param enumTypeName   the database enum type's name for {@link EnumStorage#NATIVE}, or null for the default
 */
public record TypeOptions(ValueConverter<?, ?> converter, Class<?> converterClass, boolean json,
                          EnumStorage enumStorage, String enumTypeName) {
    /** Nothing declared: the type catalogue decides. */
    public static final TypeOptions NONE = new TypeOptions(null, null, false, null, null);

    /** True when more than one way of storing the attribute was declared. */
    boolean conflicting() {
        int ways = (converter != null || converterClass != null ? 1 : 0) + (json ? 1 : 0) + (enumStorage != null ? 1 : 0);
        return ways > 1 || converter != null && converterClass != null;
    }
}
