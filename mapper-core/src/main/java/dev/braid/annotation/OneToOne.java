package dev.braid.annotation;


import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A scalar relationship over a unique foreign key, on a {@code Reference<Other>} field. The side
 * that holds the foreign key names it ({@code foreignKey}); the other side only names
 * {@code backPopulates}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToOne {
    /** The foreign-key attribute of this entity, on the owning side. */
    String foreignKey() default "";

    String backPopulates() default "";

    LoadStrategy load() default LoadStrategy.DEFAULT;

    Cascade[] cascade() default {};

    int chunkSize() default 0;

    /**
     * Leave deleting (or unlinking) the children of a deleted parent to the database: the DDL adds
     * {@code ON DELETE CASCADE} to the foreign key, and Braid sends nothing for unloaded children.
     */
    boolean passiveDeletes() default false;
}
