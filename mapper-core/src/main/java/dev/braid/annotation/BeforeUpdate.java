package dev.braid.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an instance method of an entity that Braid calls before the flush plans the UPDATE of the object (only when a column changed). Changes the method
 * makes to the object are written by the same flush.
 *
 * <p>Signatures: {@code void m()}; for the {@code Before*} callbacks also {@code void m(ContextView)} and
 * {@code Publisher<Void> m()} / {@code Mono<Void> m(ContextView)} (Reactor's {@code ContextView} of the
 * subscriber, e.g. the current user for an audit column). A returned publisher runs to completion before
 * the flush continues; an error (thrown or signalled) aborts the flush and nothing is written.
 * Checked at configure time. SQLAlchemy: mapper events; JPA: {@code @PrePersist}, {@code @PreUpdate},
 * {@code @PreRemove}, {@code @PostLoad}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
public @interface BeforeUpdate {
}
