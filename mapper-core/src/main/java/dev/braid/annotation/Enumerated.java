package dev.braid.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** How an enum attribute is stored; without it, by name. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Enumerated {
    /**
     * The storage.
     *
     * @return by name (the default), by ordinal, or as the database's enum type
     */
    EnumStorage value() default EnumStorage.NAME;

    /**
     * The database enum type's name, for {@link EnumStorage#NATIVE}.
     *
     * @return the type name; empty (the default) for the enum's simple name in snake_case
     */
    String typeName() default "";
}
