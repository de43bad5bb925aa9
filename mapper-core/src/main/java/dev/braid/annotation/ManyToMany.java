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
    /** The link table. */
    String table();

    /** The link table's column referencing this entity's id. */
    String column();

    /** The link table's column referencing the other entity's id. */
    String inverseColumn();

    String backPopulates() default "";

    LoadStrategy load() default LoadStrategy.DEFAULT;

    Cascade[] cascade() default {};

    int chunkSize() default 0;
}
