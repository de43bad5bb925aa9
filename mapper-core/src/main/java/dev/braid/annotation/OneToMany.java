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

    /**
     * The order of the loaded collection (SQLAlchemy's {@code order_by}, Hibernate's {@code @OrderBy}): the
     * target's attribute names (not columns), each optionally followed by {@code ASC} or {@code DESC},
     * separated by commas, e.g. {@code "title DESC, id"}. Checked against the target's attributes at
     * configure time, never pasted into SQL. JOINED loads sort in SQL (after the root's order); SELECTIN
     * loads sort each owner's members in memory once every chunk was read, with NULLs where the database
     * puts them by default (last ascending on PostgreSQL, first ascending on H2). The primary key breaks
     * ties. Members added in memory stay where they were added until the collection is loaded again.
     *
     * @return the order; empty (the default) for primary-key order
     */
    String orderBy() default "";

    /**
     * The foreign-key attributes of a composite foreign key (Hibernate's {@code @JoinColumns}), one per
     * column of the referenced composite key, in the order of its {@code @Id} attributes. Each is
     * annotated {@code @ForeignKey(entity = Parent.class, column = "...")}.
     *
     * @return the attributes (on the entity holding the foreign key); empty (the default) for a single column
     */
    String[] foreignKeys() default {};

    /**
     * An extra join condition on the target (SQLAlchemy's {@code primaryjoin} with an added term): terms
     * {@code attribute op literal} joined by {@code AND}, where op is one of {@code = <> < <= > >=} and the
     * literal is {@code true}, {@code false}, a number, a {@code 'quoted string'}, or {@code IS NULL} /
     * {@code IS NOT NULL} takes no literal; e.g. {@code "active = true"}. Checked against the target's
     * attributes at configure time; the values are bound, never pasted into SQL. Requires {@link #viewOnly()}.
     *
     * @return the condition; empty (the default) for none
     */
    String where() default "";

    /**
     * Only read this relationship (SQLAlchemy's {@code viewonly=True}): it is loaded like any other, but
     * changing it fails with {@code BRAID_ARGUMENT} and the flush never writes through it.
     *
     * @return true for a view-only relationship; false by default
     */
    boolean viewOnly() default false;
}
