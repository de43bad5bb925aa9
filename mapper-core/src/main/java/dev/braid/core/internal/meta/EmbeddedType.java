package dev.braid.core.internal.meta;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * How Braid reads, creates and changes the values of one {@code @Embedded} value type: a record through its
 * canonical constructor (a changed component makes a new record), a class through its no-arg constructor
 * and its fields (changed in place). Components are indexed in {@link #fields()} order: a record's
 * components, or a class's persistent fields.
 */
final class EmbeddedType {
    private final Class<?> type;
    private final List<Field> fields;
    private final FieldAccess[] access;
    private final MethodHandle constructor; // canonical (spread over Object[]) for a record, no-arg for a class

    private EmbeddedType(Class<?> type, List<Field> fields, MethodHandle constructor) {
        this.type = type;
        this.fields = List.copyOf(fields);
        this.access = fields.stream().map(FieldAccess::new).toArray(FieldAccess[]::new);
        this.constructor = constructor;
    }

    /**
     * The value type's access.
     *
     * @throws NoSuchMethodException       a class without a no-arg constructor
     * @throws ReflectiveOperationException a type Braid may not access
     */
    static EmbeddedType of(Class<?> type) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] parameters = new Class<?>[components.length];
            List<Field> fields = new java.util.ArrayList<>();
            for (int i = 0; i < components.length; i++) {
                parameters[i] = components[i].getType();
                fields.add(type.getDeclaredField(components[i].getName()));
            }
            MethodHandle canonical = lookup.findConstructor(type, MethodType.methodType(void.class, parameters))
                    .asSpreader(Object[].class, parameters.length);
            return new EmbeddedType(type, fields, canonical);
        }
        MethodHandle noArg = lookup.findConstructor(type, MethodType.methodType(void.class));
        return new EmbeddedType(type, PersistentFields.of(type), noArg);
    }

    Class<?> type() { return type; }

    List<Field> fields() { return fields; }

    /** The index of the component named {@code name}, or -1. */
    int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).getName().equals(name)) return i;
        }
        return -1;
    }

    Object get(Object value, int component) {
        return access[component].get(value);
    }

    /**
     * {@code value} (null: a new value with every other component null or zero) with component {@code i} set
     * to {@code component}: a new record, or the same class object changed.
     */
    Object with(Object value, int i, Object component) {
        Object set = component == null ? Defaults.of(fields.get(i).getType()) : component;
        if (type.isRecord()) {
            Object[] arguments = new Object[access.length];
            for (int c = 0; c < arguments.length; c++) {
                arguments[c] = c == i ? set : value == null ? Defaults.of(fields.get(c).getType()) : access[c].get(value);
            }
            return invoke(arguments);
        }
        Object target = value == null ? invoke(null) : value;
        access[i].set(target, set);
        return target;
    }

    /**
     * A value from a row: component {@code components[j]} is {@code values[columns[j]]}; null when they are all
     * null. Components not mapped are null or zero.
     */
    Object create(Object[] values, int[] columns, int[] components) {
        boolean any = false;
        for (int column : columns) {
            if (values[column] != null) {
                any = true;
                break;
            }
        }
        if (!any) return null;
        if (type.isRecord()) {
            Object[] arguments = new Object[access.length];
            for (int c = 0; c < arguments.length; c++) arguments[c] = Defaults.of(fields.get(c).getType());
            for (int j = 0; j < columns.length; j++) {
                Object v = values[columns[j]];
                if (v != null) arguments[components[j]] = v;
            }
            return invoke(arguments);
        }
        Object value = invoke(null);
        for (int j = 0; j < columns.length; j++) {
            Object v = values[columns[j]];
            if (v != null) access[components[j]].set(value, v);
        }
        return value;
    }

    /** True when every component of {@code value} is null (it then stands for a null value). */
    boolean allNull(Object value) {
        for (FieldAccess a : access) {
            if (a.get(value) != null) return false;
        }
        return true;
    }

    private Object invoke(Object[] arguments) {
        try {
            return arguments == null ? constructor.invoke() : constructor.invoke(arguments);
        } catch (RuntimeException e) {
            throw new MapperException(ErrorCode.BRAID_INSTANTIATION, "The constructor of embedded " + type.getName()
                    + " failed: " + e + ". Fix: let it accept every value its columns can hold", e);
        } catch (Throwable e) {
            throw new MapperException(ErrorCode.BRAID_INSTANTIATION, "The constructor of embedded " + type.getName()
                    + " failed: " + e, e);
        }
    }

    /** Zero values of primitive types; null for the rest. */
    static final class Defaults {
        private Defaults() {}

        static Object of(Class<?> type) {
            if (!type.isPrimitive()) return null;
            if (type == boolean.class) return false;
            if (type == long.class) return 0L;
            if (type == double.class) return 0d;
            if (type == float.class) return 0f;
            if (type == char.class) return '\0';
            if (type == short.class) return (short) 0;
            if (type == byte.class) return (byte) 0;
            return 0;
        }
    }

    @Override
    public String toString() { return "embedded " + type.getName(); }
}
