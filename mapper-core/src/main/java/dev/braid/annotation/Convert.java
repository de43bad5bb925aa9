package dev.braid.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores the attribute through a {@code dev.braid.mapping.spi.ValueConverter} (instantiated once, through its
 * no-arg constructor; a class that is no converter is reported by configure).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Convert {
    /**
     * The converter class.
     *
     * @return a {@code ValueConverter} class whose Java type is the attribute's type
     */
    Class<?> value();
}
