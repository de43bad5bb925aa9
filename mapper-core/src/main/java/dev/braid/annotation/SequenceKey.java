package dev.braid.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An id drawn from a database sequence with pooled allocation: the DDL creates the sequence with
 * {@code INCREMENT BY allocationSize}, and one {@code nextval} reserves a block of {@code allocationSize}
 * keys ({@code v} to {@code v + allocationSize - 1}), handed out by the mapper to all its sessions
 * without another round trip. Keys are assigned at the flush before the INSERTs, so many rows go in one
 * statement with nothing to read back. An id set by the application is kept.
 * <pre>{@code @Id @SequenceKey(name = "author_seq", allocationSize = 50) Long id;}</pre>
 * SQLAlchemy: {@code Column(Integer, Sequence("author_seq"), primary_key=True)}; Hibernate:
 * {@code @GeneratedValue(strategy = SEQUENCE)} with {@code @SequenceGenerator(allocationSize = 50)} (the
 * "pooled-lo" optimizer).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD})
public @interface SequenceKey {
    /**
     * The sequence's name.
     *
     * @return the name; empty (the default) for {@code <table>_seq}
     */
    String name() default "";

    /**
     * Keys reserved per round trip; also the sequence's {@code INCREMENT BY}.
     *
     * @return the block size, at least 1; 50 by default
     */
    int allocationSize() default 50;
}
