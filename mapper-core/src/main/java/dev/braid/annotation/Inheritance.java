package dev.braid.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the base {@link Entity} of a class hierarchy (SQLAlchemy's {@code polymorphic_on}): its registered
 * {@code @Entity} subclasses are mapped with it, queries for the base return instances of the right
 * subclass, and each row's class is stored in the discriminator column ({@link DiscriminatorColumn}).
 * The base may be abstract (then it has no {@link DiscriminatorValue}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Inheritance {
    /**
     * How the hierarchy is stored.
     *
     * @return the strategy; {@link InheritanceStrategy#SINGLE_TABLE} by default
     */
    InheritanceStrategy strategy() default InheritanceStrategy.SINGLE_TABLE;
}
