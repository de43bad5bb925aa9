package dev.braid.annotation;


import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reference to one parent through a foreign-key column of this entity, on a field of type
 * {@code Reference<Parent>} initialised with {@code Reference.of(this)}.
 * <pre>{@code
 * @ForeignKey(entity = Author.class) Long authorId;
 * @ManyToOne(foreignKey = "authorId", backPopulates = "books")
 * final Reference<Author> author = Reference.of(this);
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToOne {
    /**
     * The foreign-key attribute of this entity.
     *
     * @return the attribute's name; empty (the default) when exactly one foreign key references the target
     */
    String foreignKey() default "";

    /**
     * The collection on the parent that lists this entity, kept in sync in memory (SQLAlchemy's back_populates).
     *
     * @return the collection's field name on the parent; empty (the default) for none
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
     * The foreign-key attributes of a composite foreign key (Hibernate's {@code @JoinColumns}), one per
     * column of the referenced composite key, in the order of its {@code @Id} attributes. Each is
     * annotated {@code @ForeignKey(entity = Parent.class, column = "...")}.
     *
     * @return the attributes (on the entity holding the foreign key); empty (the default) for a single column
     */
    String[] foreignKeys() default {};

    /**
     * Only read this relationship (SQLAlchemy's {@code viewonly=True}): it is loaded like any other, but
     * changing it fails with {@code BRAID_ARGUMENT} and the flush never writes through it.
     *
     * @return true for a view-only relationship; false by default
     */
    boolean viewOnly() default false;
}
