package dev.braid.core.meta;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Field access through method handles adapted once to {@code (Object)Object} and
 * {@code (Object,Object)void} and called with {@code invokeExact}: no getters or setters required, and
 * no per-call type adaptation (a VarHandle called through {@code Object} types adapts on every call,
 * which made reading 100,000 rows several times slower).
 */
final class FieldAccess implements PropertyAccess {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private final Field field;
    private final MethodHandle getter;
    private final MethodHandle setter; // null for final fields (records)
    private final boolean primitive;

    FieldAccess(Field field) {
        this.field = field;
        this.primitive = field.getType().isPrimitive();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup());
            this.getter = lookup.unreflectGetter(field).asType(GETTER);
            this.setter = Modifier.isFinal(field.getModifiers()) ? null : lookup.unreflectSetter(field).asType(SETTER);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot access " + field + ": open its package to dev.braid", e);
        }
    }

    @Override
    public Object get(Object entity) {
        try {
            return (Object) getter.invokeExact(entity);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void set(Object entity, Object value) {
        if (setter == null) {
            throw new IllegalStateException(field.getDeclaringClass().getSimpleName() + "." + field.getName()
                    + " is final and cannot be set; records are read-only entities");
        }
        if (value == null && primitive) {
            throw new NullPointerException(field.getDeclaringClass().getSimpleName() + "." + field.getName()
                    + " is a primitive and cannot hold NULL; use the wrapper type or make the column NOT NULL");
        }
        try {
            setter.invokeExact(entity, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
