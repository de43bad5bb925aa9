package dev.braid.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This column references another table's key, like SQLAlchemy's {@code ForeignKey('users.id')}.
 * Name the target either by entity class or by table name (one of them is required: configure reports a
 * {@code @ForeignKey} with neither, or with an entity and a different table); the column defaults to the
 * target's id.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface ForeignKey {
    /**
     * The referenced entity.
     *
     * @return the entity class; {@code void.class} (the default) when the target is named by {@link #table()}
     */
    Class<?> entity() default void.class;

    /**
     * The referenced table, when naming a class is not possible.
     *
     * @return the table name; empty (the default) when the target is named by {@link #entity()}
     */
    String table() default "";

    /**
     * The referenced column.
     *
     * @return the column name; empty (the default) for the target's single id column
     */
    String column() default "";
}
