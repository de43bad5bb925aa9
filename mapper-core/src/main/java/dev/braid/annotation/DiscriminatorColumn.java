package dev.braid.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The column of the base table holding each row's {@link DiscriminatorValue}, on the {@link Inheritance}
 * base. Braid writes it at INSERT; no attribute maps it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DiscriminatorColumn {
    /**
     * The column name.
     *
     * @return the name; {@code "type"} by default
     */
    String name() default "type";

    /**
     * The column's length ({@code VARCHAR(length)}).
     *
     * @return the length; 50 by default
     */
    int length() default 50;
}
