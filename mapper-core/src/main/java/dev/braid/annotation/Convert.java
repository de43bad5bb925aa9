package dev.braid.annotation;

import dev.braid.mapping.ValueConverter;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Stores the attribute through a {@link ValueConverter} (instantiated once, through its no-arg constructor). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Convert {
    /**
     * The converter class.
     *
     * @return a {@code ValueConverter} whose Java type is the attribute's type
     */
    @SuppressWarnings("rawtypes")
    Class<? extends ValueConverter> value();
}
