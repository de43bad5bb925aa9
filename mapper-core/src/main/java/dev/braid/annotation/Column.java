package dev.braid.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Column details. Fields without it are still columns, with defaults. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Column {
    /**
     * The column's name.
     *
     * @return the column name; empty (the default) for the field name in snake_case
     */
    String name() default "";

    /**
     * The maximum length of a string column, used in DDL ({@code varchar(n)}).
     *
     * @return the length; 0 (the default) means unbounded ({@code text}-like)
     */
    int length() default 0;

    /**
     * Whether NULL is allowed (DDL writes {@code NOT NULL} otherwise). Primitive fields and ids are never
     * nullable, whatever this says.
     *
     * @return true (the default) when the column may hold NULL
     */
    boolean nullable() default true;

    /**
     * Whether DDL adds a UNIQUE constraint on this column.
     *
     * @return true for a unique column; false by default
     */
    boolean unique() default false;

    /**
     * The precision (total digits) of a {@code BigDecimal} column.
     *
     * @return the precision; 0 (the default) for the database's default
     */
    int precision() default 0;

    /**
     * The scale (digits after the decimal point) of a {@code BigDecimal} column.
     *
     * @return the scale; 0 by default
     */
    int scale() default 0;
}
