package dev.braid.annotation;


import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The children that reference this entity through their foreign key, on a field of type
 * {@code RelatedList<Child>} initialised with {@code RelatedList.of(this)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToMany {
    /** The child's many-to-one reference back to this entity, kept in sync in memory. */
    String backPopulates() default "";

    /** The child's foreign-key attribute, when there is no reverse reference or it is ambiguous. */
    String foreignKey() default "";

    LoadStrategy load() default LoadStrategy.DEFAULT;

    /** Empty means the defaults (SAVE_UPDATE, MERGE). */
    Cascade[] cascade() default {};

    /** Keys per selectin query; 0 means the dialect's default. */
    int chunkSize() default 0;

    /**
     * Leave deleting (or unlinking) the children of a deleted parent to the database: the DDL adds
     * {@code ON DELETE CASCADE} to the foreign key, and Braid sends nothing for unloaded children.
     */
    boolean passiveDeletes() default false;
}
