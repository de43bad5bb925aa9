package dev.braid.core.internal.meta;

import dev.braid.mapping.spi.ColumnFields;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.function.Supplier;

/** Creates entity objects from the Java values of all their columns, in column order. */
public abstract sealed class Instantiator
        permits Instantiator.ForClass, Instantiator.ForRecord, EmbeddedInstantiator, PolymorphicInstantiator {

    /** @param values Java values, one per mapped column, in the mapping's column order */
    public abstract Object create(List<ColumnMapping> columns, Object[] values);

    /**
     * @param fields  writes every column's field in one call; null to set them one by one
     * @param columns the entity's columns, in order
     */
    static Instantiator forClass(Class<?> type, ColumnFields fields, List<ColumnMapping> columns)
            throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class));
        return new ForClass(type, constructor.asType(MethodType.methodType(Object.class)), supplier(lookup, type, constructor),
                fields, columns);
    }

    /**
     * The no-arg constructor as a {@code Supplier} spun by {@link LambdaMetafactory}: a plain
     * {@code new} the JIT compiles like user code. Through a method handle that is not a constant, each
     * object costs a call into the VM (Unsafe.allocateInstance) and a chain of lambda forms; reading
     * 100,000 rows showed both. Null where the lookup may not define the class (then the handle serves).
     */
    @SuppressWarnings("unchecked")
    private static Supplier<Object> supplier(MethodHandles.Lookup lookup, Class<?> type, MethodHandle constructor) {
        try {
            return (Supplier<Object>) LambdaMetafactory.metafactory(lookup, "get", MethodType.methodType(Supplier.class),
                    MethodType.methodType(Object.class), constructor, MethodType.methodType(type)).getTarget().invoke();
        } catch (Throwable e) {
            return null;
        }
    }

    static Instantiator forRecord(Class<?> type, List<String> attributeOrder) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        int[] columnIndexForParameter = new int[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
            columnIndexForParameter[i] = attributeOrder.indexOf(components[i].getName());
        }
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class, parameterTypes));
        return new ForRecord(constructor, columnIndexForParameter, parameterTypes);
    }

    static final class ForClass extends Instantiator {
        private final Class<?> type;
        private final MethodHandle constructor;
        private final Supplier<Object> supplier;
        private final ColumnFields fields; // null: per-field access
        // Columns whose field is primitive: a generated write would unbox a null with a bare NPE.
        private final int[] primitiveColumns;

        ForClass(Class<?> type, MethodHandle constructor, Supplier<Object> supplier, ColumnFields fields,
                 List<ColumnMapping> columns) {
            this.type = type;
            this.constructor = constructor;
            this.supplier = supplier;
            this.fields = fields;
            this.primitiveColumns = columns.stream().filter(c -> c.type().javaClass().isPrimitive())
                    .mapToInt(ColumnMapping::index).toArray();
        }

        private Object createEmpty() {
            try {
                return supplier != null ? supplier.get() : (Object) constructor.invokeExact();
            } catch (Throwable e) {
                throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_INSTANTIATION,
                        "The no-arg constructor of " + type.getName() + " failed: " + e + ". Fix: make it succeed"
                        + " without arguments (Braid sets the fields after calling it)", e);
            }
        }

        @Override
        public Object create(List<ColumnMapping> columns, Object[] values) {
            Object instance = createEmpty();
            if (fields != null) {
                for (int column : primitiveColumns) {
                    if (values[column] == null) columns.get(column).set(instance, null); // throws, naming the field
                }
                try {
                    fields.write(instance, values);
                    return instance;
                } catch (ClassCastException e) {
                    // A value of another type than its field's (a caller's Integer for a long): the
                    // per-field path below converts what it can and names the column when it cannot.
                }
            }
            for (int i = 0; i < values.length; i++) {
                columns.get(i).set(instance, values[i]);
            }
            return instance;
        }

    }

    static final class ForRecord extends Instantiator {
        private final MethodHandle constructor;
        private final int[] columnIndexForParameter;
        private final Class<?>[] parameterTypes;

        ForRecord(MethodHandle constructor, int[] columnIndexForParameter, Class<?>[] parameterTypes) {
            this.constructor = constructor.asSpreader(Object[].class, parameterTypes.length);
            this.columnIndexForParameter = columnIndexForParameter;
            this.parameterTypes = parameterTypes;
        }

        @Override
        public Object create(List<ColumnMapping> columns, Object[] values) {
            Object[] arguments = new Object[columnIndexForParameter.length];
            for (int i = 0; i < arguments.length; i++) {
                int column = columnIndexForParameter[i];
                // A component that is not mapped (@Transient) gets its type's default value.
                arguments[i] = column >= 0 ? values[column] : defaultValue(parameterTypes[i]);
            }
            try {
                return constructor.invoke(arguments);
            } catch (Throwable e) {
                throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_INSTANTIATION,
                        "The canonical constructor of " + constructor.type().returnType().getName() + " failed: " + e
                        + ". Fix: let it accept"
                        + " every value its columns can hold (validate in a mutable entity instead)", e);
            }
        }

        private static Object defaultValue(Class<?> type) {
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
}
