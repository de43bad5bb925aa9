package dev.braid.reactive.internal.exec;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;

/**
 * Driver values in the class Braid asks for when a driver cannot produce it itself: r2dbc-h2 reads an
 * {@code ARRAY} only as {@code Object[]} and a {@code JSON} value only as its UTF-8 bytes.
 */
final class DriverValues {
    private DriverValues() {}

    /** {@code value} (an array of any component class, or null) as a new array of {@code type}. */
    static <V> V array(Object value, Class<V> type) {
        if (value == null || type.isInstance(value)) return type.cast(value);
        Object[] in = (Object[]) value;
        Object out = Array.newInstance(type.getComponentType(), in.length);
        for (int i = 0; i < in.length; i++) Array.set(out, i, in[i]);
        return type.cast(out);
    }

    /** JSON bytes as their text; anything else fails as the driver did. */
    static <V> V text(Object value, Class<V> type, RuntimeException failure) {
        if (value == null) return null;
        if (value instanceof byte[] bytes) return type.cast(new String(bytes, StandardCharsets.UTF_8));
        if (value instanceof String text) return type.cast(text);
        throw failure;
    }
}
