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
}
