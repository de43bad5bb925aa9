package dev.braid.core.internal.meta;

import dev.braid.dialect.ColumnType;
import dev.braid.dialect.SqlType;
import dev.braid.mapping.spi.JsonCodec;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * JSON columns: values travel as JSON text written and read by the mapping's {@link JsonCodec}. Dirty
 * checking compares content: a loaded row's snapshot is the codec's own text of the value it read (not
 * PostgreSQL's {@code jsonb} rendering, which reorders keys and spaces them), so an untouched document
 * compares equal; should two texts still differ, both are read and written again by the codec before
 * they count as a change.
 */
final class JsonTypes {
    private JsonTypes() {}

    static ValueType of(Class<?> javaClass, Type genericType, JsonCodec codec) {
        return new ValueType(javaClass, ColumnType.VARCHAR, String.class,
                codec::write,
                v -> codec.read((String) v, genericType),
                new SqlType.Json(),
                (snapshot, current) -> sameDocument(codec, genericType, (String) snapshot, (String) current));
    }

    private static boolean sameDocument(JsonCodec codec, Type type, String snapshot, String current) {
        try {
            return Objects.equals(codec.write(codec.read(snapshot, type)), codec.write(codec.read(current, type)));
        } catch (RuntimeException e) {
            return false; // unreadable as the attribute's type: write the current value
        }
    }
}
