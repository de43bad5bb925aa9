package dev.braid.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores the attribute as a JSON document: {@code jsonb} on PostgreSQL, {@code JSON} on H2. Any type the
 * mapping's {@link dev.braid.mapping.spi.JsonCodec} serialises (a record, a {@code Map<String, Object>},
 * {@code List<Item>}); dirty checking compares the documents' content.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Json {
}
