package dev.braid.core.meta;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Field access through a {@link VarHandle}: no getters or setters required, and after JIT it costs
 * about what a direct field access costs. Record fields are final and only readable.
 */
final class FieldAccess implements PropertyAccess {
    private final Field field;
    private final VarHandle handle;

    FieldAccess(Field field) {
        this.field = field;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup());
            this.handle = lookup.unreflectVarHandle(field);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot access " + field + ": open its package to dev.braid", e);
        }
    }

    @Override
    public Object get(Object entity) {
        return handle.get(entity);
    }

    @Override
    public void set(Object entity, Object value) {
        if (Modifier.isFinal(field.getModifiers())) {
            throw new IllegalStateException(field.getDeclaringClass().getSimpleName() + "." + field.getName()
                    + " is final and cannot be set; records are read-only entities");
        }
        if (value == null && field.getType().isPrimitive()) {
            throw new NullPointerException(field.getDeclaringClass().getSimpleName() + "." + field.getName()
                    + " is a primitive and cannot hold NULL; use the wrapper type or make the column NOT NULL");
        }
        handle.set(entity, value);
    }
}
