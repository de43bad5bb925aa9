package dev.braid.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value object stored in its owner's table: each persistent field of the field's type (a record, or a
 * class with a no-arg constructor) becomes a column of the owner, named {@code prefix + column name}.
 * {@code @Column}, {@code @Convert}, {@code @Json} and {@code @Enumerated} on the value type's fields work as
 * on an entity's. The value is nullable as a whole: a null value writes NULL to every column, and a row whose
 * columns are all NULL reads as null. Queries name a component as {@code Order_.shipTo.city}. A value type
 * cannot hold ids, versions, foreign keys, relationships or another embedded value.
 * <pre>{@code
 * record Address(String street, String city, String zip) {}
 *
 * @Entity(table = "orders")
 * class Order {
 *     @Id Long id;
 *     @Embedded(prefix = "ship_") Address shipTo;   // columns ship_street, ship_city, ship_zip
 * }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD})
public @interface Embedded {
    /** The default {@link #prefix()}: the field's name in snake_case followed by an underscore. */
    String FIELD_NAME = "{field}_";

    /**
     * Prepended to every component's column name; {@code {field}} stands for the field's name in snake_case.
     *
     * @return the prefix; {@value #FIELD_NAME} by default ({@code ship_to_} for a field {@code shipTo}),
     *         empty for none
     */
    String prefix() default FIELD_NAME;

    /**
     * Whether the value as a whole may be null. When true (the default) every component column is nullable,
     * whatever its {@code @Column(nullable)} says; when false the components keep their own nullability.
     *
     * @return true when the value may be null
     */
    boolean nullable() default true;
}
