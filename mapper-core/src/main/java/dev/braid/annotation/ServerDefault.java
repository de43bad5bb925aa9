package dev.braid.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A column default evaluated by the database: rendered in the DDL ({@code DEFAULT <expression>}) and,
 * when the attribute is null at INSERT, left out of the statement and read back into the object
 * ({@code RETURNING} on PostgreSQL, {@code FINAL TABLE} on H2). The expression is SQL written as is,
 * so prefer standard SQL that every database understands: {@code CURRENT_TIMESTAMP},
 * {@code CURRENT_DATE}, literals such as {@code 'draft'} or {@code 0}.
 * <pre>{@code @ServerDefault("CURRENT_TIMESTAMP") Instant registeredOn;}</pre>
 * SQLAlchemy: {@code server_default=func.now()}; Hibernate: {@code @ColumnDefault} with {@code @Generated}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD})
public @interface ServerDefault {
    /** The SQL standard's current date and time, the same text on H2, PostgreSQL and MariaDB ({@code now()}). */
    String CURRENT_TIMESTAMP = "CURRENT_TIMESTAMP";

    /** The SQL standard's current date. */
    String CURRENT_DATE = "CURRENT_DATE";

    /**
     * The SQL expression.
     *
     * @return the default expression, e.g. {@code "CURRENT_TIMESTAMP"} or {@code "'draft'"}
     */
    String value();
}
