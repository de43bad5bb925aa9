package dev.braid.mapping;

import dev.braid.mapping.spi.JsonCodec;
import org.jspecify.annotations.Nullable;

/**
 * Finds the JSON codec used when none is registered: Jackson 2's when it is on the class path. Kept apart
 * from {@link JacksonJsonCodec}, whose methods name Jackson's types: touching that class without Jackson
 * present fails with {@code NoClassDefFoundError}, so it is instantiated only after the check succeeded.
 */
final class DefaultJsonCodec {
    private DefaultJsonCodec() {}

    /** Jackson 2's codec when {@code com.fasterxml.jackson.databind} is present, else null (JSON attributes are then reported). */
    static @Nullable JsonCodec find() {
        try {
            Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, DefaultJsonCodec.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        return new JacksonJsonCodec();
    }
}
