package dev.braid.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Column details. Fields without it are still columns, with defaults. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Column {
    /** Column name; defaults to the field name in snake_case. */
    String name() default "";

    /** Maximum length of a string column; 0 means unbounded ({@code text}-like). */
    int length() default 0;

    /** Whether NULL is allowed. Primitive fields and ids are never nullable. */
    boolean nullable() default true;

    /** Adds a UNIQUE constraint on this column. */
    boolean unique() default false;

    /** Precision of a {@code BigDecimal} column (0: database default). */
    int precision() default 0;

    /** Scale of a {@code BigDecimal} column. */
    int scale() default 0;
}
