package dev.braid.core.internal.meta;

import dev.braid.dialect.ColumnType;
import dev.braid.dialect.SqlType;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Array columns: {@code String[]}, {@code int[]}, {@code Integer[]}, {@code long[]}, {@code UUID[]}, ... and
 * {@code List<String>}, {@code List<Integer>}, ... of the scalar types below, bound and read as an array of
 * the element's driver class. Values are copied both ways, so the snapshot never shares an array or list
 * with the object and a change in place is noticed by dirty checking (which compares elements).
 */
final class ArrayTypes {
    private static final Set<Class<?>> ELEMENTS = Set.of(String.class, Integer.class, Long.class, Short.class,
            Double.class, Boolean.class, BigDecimal.class, UUID.class, LocalDate.class);

    private ArrayTypes() {}

    /** The array type of {@code field}, or empty when it is no supported array or list. */
    static Optional<ValueType> forField(Field field) {
        Class<?> type = field.getType();
        if (type.isArray() && type != byte[].class) {
            Class<?> component = type.getComponentType();
            Class<?> element = Boxing.boxed(component);
            if (!ELEMENTS.contains(element)) return Optional.empty();
            return Optional.of(array(type, component, element));
        }
        if (type == List.class && field.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element && ELEMENTS.contains(element)) {
            return Optional.of(list(element));
        }
        return Optional.empty();
    }

    /** Whether {@code type} could be an array column of an element type Braid does not support. */
    static boolean looksLikeArray(Type type) {
        return type instanceof Class<?> c && c.isArray() && c != byte[].class
                || type instanceof ParameterizedType p && p.getRawType() == List.class
                || type == List.class;
    }

    /** Supported element types, for messages. */
    static String elementNames() {
        return "String, Integer/int, Long/long, Short/short, Double/double, Boolean/boolean, BigDecimal, UUID, LocalDate";
    }

    private static ValueType array(Class<?> javaClass, Class<?> component, Class<?> element) {
        Class<?> driverClass = element.arrayType();
        return new ValueType(javaClass, ColumnType.BINARY, driverClass,
                v -> boxedCopy(v, element),
                v -> component.isPrimitive() ? unboxed((Object[]) v, component) : copy((Object[]) v, element),
                new SqlType.ArrayOf(columnType(element)), null);
    }

    private static ValueType list(Class<?> element) {
        return new ValueType(List.class, ColumnType.BINARY, element.arrayType(),
                v -> ((List<?>) v).toArray((Object[]) Array.newInstance(element, 0)),
                v -> new ArrayList<>(Arrays.asList(copy((Object[]) v, element))),
                new SqlType.ArrayOf(columnType(element)), null);
    }

    private static ColumnType columnType(Class<?> element) {
        return ValueTypes.forClass(element).orElseThrow().columnType();
    }

    /** Any array (primitive or not) as a new array of the boxed element class. */
    private static Object[] boxedCopy(Object array, Class<?> element) {
        int n = Array.getLength(array);
        Object[] out = (Object[]) Array.newInstance(element, n);
        for (int i = 0; i < n; i++) out[i] = Array.get(array, i);
        return out;
    }

    /** A driver array (whatever its runtime class) as a new array of {@code element}. */
    private static Object[] copy(Object[] array, Class<?> element) {
        Object[] out = (Object[]) Array.newInstance(element, array.length);
        for (int i = 0; i < array.length; i++) out[i] = element.cast(array[i]);
        return out;
    }

    private static Object unboxed(Object[] array, Class<?> component) {
        Object out = Array.newInstance(component, array.length);
        for (int i = 0; i < array.length; i++) {
            if (array[i] == null) {
                throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_CONVERSION, "element " + i + " is NULL, which a " + component + "[] cannot hold"
                        + " (use the wrapper type's array or a List)");
            }
            Array.set(out, i, array[i]);
        }
        return out;
    }
}
