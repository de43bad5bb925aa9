package dev.braid.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value computed by the application when an object is inserted with this attribute null: a
 * {@code Supplier} class (with a no-arg constructor) or a static no-arg method of the entity. Nothing in
 * the DDL. SQLAlchemy: {@code Column(..., default=callable)}.
 * <pre>{@code
 * @ClientDefault(method = "newCode") String code;
 * static String newCode() { return "C-" + ...; }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD})
public @interface ClientDefault {
    /**
     * A {@code Supplier} class producing the value.
     *
     * @return the supplier class; {@code ClientDefault.None.class} (the default) when {@link #method()} is used
     */
    Class<? extends java.util.function.Supplier<?>> value() default None.class;

    /**
     * A static no-arg method of the entity class returning the value.
     *
     * @return the method name; empty (the default) when {@link #value()} is used
     */
    String method() default "";

    /** Marks "no supplier class". */
    final class None implements java.util.function.Supplier<Object> {
        private None() {}

        /**
         * Never called: Braid reads {@link #method()} when the class is this one.
         *
         * @return null
         */
        @Override
        public Object get() { return null; }
    }
}
