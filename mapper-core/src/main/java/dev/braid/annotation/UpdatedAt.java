package dev.braid.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Set by every flush that sends an UPDATE of the object (only when a column changed: part of that
 * UPDATE), and at INSERT when null, from the mapper's {@code Clock}. Hibernate: {@code @UpdateTimestamp};
 * SQLAlchemy: {@code onupdate=datetime.utcnow}. Types: {@code Instant}, {@code OffsetDateTime}, {@code LocalDateTime}
 * (the clock's zone). Configure the clock with {@code MapperBuilder.clock(...)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD})
public @interface UpdatedAt {
}
