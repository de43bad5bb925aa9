package dev.braid.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Set by the flush that inserts the object, from the mapper's {@code Clock}, when it is null. Hibernate:
 * {@code @CreationTimestamp}; SQLAlchemy: {@code default=datetime.utcnow}. Types: {@code Instant}, {@code OffsetDateTime}, {@code LocalDateTime}
 * (the clock's zone). Configure the clock with {@code MapperBuilder.clock(...)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD})
public @interface CreatedAt {
}
