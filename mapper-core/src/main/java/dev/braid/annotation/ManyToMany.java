package dev.braid.annotation;


import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A collection through a link table with no entity class (SQLAlchemy's {@code secondary=}), on a
 * {@code RelatedList<Other>} field. Appending and removing inserts and deletes link rows only.
 * <pre>{@code
 * @ManyToMany(table = "user_group_association", column = "user_id", inverseColumn = "group_id", backPopulates = "users")
 * final RelatedList<Group> groups = RelatedList.of(this);
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToMany {
    /**
     * The link table.
     *
     * @return the link table's name
     */
    String table();

    /**
     * The link table's column referencing this entity's id.
     *
     * @return the column name
     */
    String column();

    /**
     * The link table's column referencing the other entity's id.
     *
     * @return the column name
     */
    String inverseColumn();

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
     * Only read this relationship (SQLAlchemy's {@code viewonly=True}): it is loaded like any other, but
     * changing it fails with {@code BRAID_ARGUMENT} and the flush never writes through it.
     *
     * @return true for a view-only relationship; false by default
     */
    boolean viewOnly() default false;
}
