package dev.braid.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class (a mutable class with a no-arg constructor, or a record for read-only rows) as mapped
 * to a table. Every non-static, non-transient field is a column unless marked {@link Transient}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Entity {
    /**
     * The table the class maps to.
     *
     * @return the table name; empty (the default) for the class's simple name in snake_case
     */
    String table() default "";
}
