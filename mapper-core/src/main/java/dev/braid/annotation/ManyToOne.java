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
    /** The foreign-key attribute of this entity; may be omitted when exactly one references the target. */
    String foreignKey() default "";

    /** The collection on the parent that lists this entity, kept in sync in memory (SQLAlchemy's back_populates). */
    String backPopulates() default "";

    LoadStrategy load() default LoadStrategy.DEFAULT;

    /** Empty means the defaults (SAVE_UPDATE, MERGE). */
    Cascade[] cascade() default {};

    /** Keys per selectin query; 0 means the dialect's default. */
    int chunkSize() default 0;
}
