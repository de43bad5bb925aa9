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
    /**
     * The child's many-to-one reference back to this entity, kept in sync in memory.
     *
     * @return the reference's field name on the child; empty (the default) for none
     */
    String backPopulates() default "";

    /**
     * The child's foreign-key attribute, when there is no reverse reference or it is ambiguous.
     *
     * @return the attribute's name; empty (the default) to find the one foreign key to this entity
     */
    String foreignKey() default "";

    /**
     * How the relationship is loaded when a query does not say otherwise.
     *
     * @return the load strategy; {@link LoadStrategy#DEFAULT} (raise) by default
     */
    LoadStrategy load() default LoadStrategy.DEFAULT;

    /**
     * What session operations on this object do to the related objects.
     *
     * @return the cascades; empty (the default) means the defaults (SAVE_UPDATE, MERGE)
     */
    Cascade[] cascade() default {};

    /**
     * Keys per selectin query.
     *
     * @return the chunk size; 0 (the default) means the dialect's default
     */
    int chunkSize() default 0;

    /**
     * Leave deleting (or unlinking) the children of a deleted parent to the database: the DDL adds
     * {@code ON DELETE CASCADE} to the foreign key, and Braid sends nothing for unloaded children.
     *
     * @return true for passive deletes; false by default
     */
    boolean passiveDeletes() default false;
}
