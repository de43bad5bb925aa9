package dev.braid.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value of the discriminator column for rows of this concrete class of an inheritance hierarchy
 * (SQLAlchemy's {@code polymorphic_identity}). Without it a concrete class's value is its simple name in
 * lower case ({@code Engineer} is {@code "engineer"}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DiscriminatorValue {
    /**
     * The value.
     *
     * @return the value stored for this class
     */
    String value();
}
