package dev.braid.core.meta;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** Creates entity objects from the Java values of all their columns, in column order. */
public abstract sealed class Instantiator permits Instantiator.ForClass, Instantiator.ForRecord {

    /** @param values Java values, one per mapped column, in the mapping's column order */
    public abstract Object create(List<ColumnMapping> columns, Object[] values);

    static Instantiator forClass(Class<?> type) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        return new ForClass(lookup.findConstructor(type, MethodType.methodType(void.class))
                .asType(MethodType.methodType(Object.class)));
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
        private final MethodHandle constructor;

        ForClass(MethodHandle constructor) {
            this.constructor = constructor;
        }

        @Override
        public Object create(List<ColumnMapping> columns, Object[] values) {
            Object instance;
            try {
                instance = (Object) constructor.invokeExact();
            } catch (Throwable e) {
                throw new IllegalStateException("The no-arg constructor of "
                        + constructor.type().returnType().getName() + " failed", e);
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
                throw new IllegalStateException("The canonical constructor of "
                        + constructor.type().returnType().getName() + " failed", e);
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
