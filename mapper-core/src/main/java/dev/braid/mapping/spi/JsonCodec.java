package dev.braid.mapping.spi;

import java.lang.reflect.Type;

/**
 * Turns attribute values into JSON text and back, for JSON columns ({@code @Json}). Braid ships
 * {@code dev.braid.mapping.JacksonJsonCodec} (Jackson 2, used by default when {@code com.fasterxml.jackson.core:jackson-databind}
 * is on the class path); register another, say one over Jackson 3's {@code JsonMapper}, with
 * {@code MappingRegistry.builder().jsonCodec(codec)}. Implementations must be thread-safe.
 */
public interface JsonCodec {

    /**
     * Serialises a value; never called with null (null stays NULL).
     *
     * @param value the attribute value
     * @return its JSON text
     */
    String write(Object value);

    /**
     * Deserialises JSON text into the attribute's declared type; never called with NULL.
     *
     * @param json the column's JSON text
     * @param type the attribute's generic type ({@code Map<String, Object>}, {@code List<Item>}, a record)
     * @return the value
     */
    Object read(String json, Type type);
}
