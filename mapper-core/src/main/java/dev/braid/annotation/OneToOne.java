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
    /**
     * The foreign-key attribute of this entity, on the owning side.
     *
     * @return the attribute's name; empty (the default) on the side without the foreign key
     */
    String foreignKey() default "";

    /**
     * The reverse relationship on the target, kept in sync in memory (SQLAlchemy's {@code back_populates}).
     *
     * @return the reverse relationship's field name; empty (the default) for none
     */
    String backPopulates() default "";

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

    /**
     * The foreign-key attributes of a composite foreign key (Hibernate's {@code @JoinColumns}), one per
     * column of the referenced composite key, in the order of its {@code @Id} attributes. Each is
     * annotated {@code @ForeignKey(entity = Parent.class, column = "...")}.
     *
     * @return the attributes (on the entity holding the foreign key); empty (the default) for a single column
     */
    String[] foreignKeys() default {};
}
