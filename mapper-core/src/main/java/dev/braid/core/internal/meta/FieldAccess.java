package dev.braid.core.internal.meta;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Field access through method handles adapted once to {@code (Object)Object} and
 * {@code (Object,Object)void} and called with {@code invokeExact}: no getters or setters required, and
 * no per-call type adaptation (a VarHandle called through {@code Object} types adapts on every call,
 * which made reading 100,000 rows several times slower). Every column has one (relationship sync and
 * single-attribute reads use it); whole-object reads and writes use it too when the annotation processor
 * generated no {@link ColumnFields} for the entity ({@link GeneratedColumnFields}).
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
            throw new MapperException(ErrorCode.BRAID_INSTANTIATION, "Cannot access " + field
                    + ". Fix: open its package to dev.braid (module-info: opens ... to dev.braid.core)", e);
        }
    }

    @Override
    public Object get(Object entity) {
        try {
            return (Object) getter.invokeExact(entity);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MapperException(ErrorCode.BRAID_INSTANTIATION, "Reading " + name() + " failed: " + e, e);
        }
    }

    @Override
    public void set(Object entity, Object value) {
        if (setter == null) {
            throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, name()
                    + " is final and cannot be set; records are read-only entities. Fix: map a mutable class to write");
        }
        if (value == null && primitive) {
            throw new MapperException(ErrorCode.BRAID_CONVERSION, name()
                    + " is a primitive and cannot hold NULL. Fix: use the wrapper type, or make the column NOT NULL");
        }
        try {
            setter.invokeExact(entity, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MapperException(ErrorCode.BRAID_INSTANTIATION, "Writing " + name() + " failed: " + e, e);
        }
    }

    private String name() {
        return field.getDeclaringClass().getSimpleName() + "." + field.getName();
    }
}
