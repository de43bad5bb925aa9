package dev.braid.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code UUID} id assigned by Braid when the object enters the session ({@code add}, or reached by a
 * cascade), so it is known before the flush: relationships and other code can use it at once, and many
 * rows go in one multi-row INSERT with nothing to read back. An id already set is kept.
 * <pre>{@code @Id @GeneratedUuid(UuidVersion.V7) UUID id;}</pre>
 * SQLAlchemy: {@code Column(Uuid, primary_key=True, default=uuid.uuid4)}; Hibernate: {@code @UuidGenerator}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD})
public @interface GeneratedUuid {
    /**
     * The UUID version.
     *
     * @return {@link UuidVersion#V7} (time-ordered, the default) or {@link UuidVersion#V4} (random)
     */
    UuidVersion value() default UuidVersion.V7;
}
