package dev.braid.core.internal.meta;

import dev.braid.dialect.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The catalogue of supported Java types. */
public final class ValueTypes {
    private static final Map<Class<?>, ValueType> BY_CLASS = new LinkedHashMap<>();

    static {
        plain(int.class, ColumnType.INTEGER, Integer.class);
        plain(Integer.class, ColumnType.INTEGER, Integer.class);
        plain(long.class, ColumnType.BIGINT, Long.class);
        plain(Long.class, ColumnType.BIGINT, Long.class);
        plain(short.class, ColumnType.SMALLINT, Short.class);
        plain(Short.class, ColumnType.SMALLINT, Short.class);
        plain(boolean.class, ColumnType.BOOLEAN, Boolean.class);
        plain(Boolean.class, ColumnType.BOOLEAN, Boolean.class);
        plain(double.class, ColumnType.DOUBLE, Double.class);
        plain(Double.class, ColumnType.DOUBLE, Double.class);
        plain(String.class, ColumnType.VARCHAR, String.class);
        plain(BigDecimal.class, ColumnType.DECIMAL, BigDecimal.class);
        plain(UUID.class, ColumnType.UUID, UUID.class);
        plain(LocalDate.class, ColumnType.DATE, LocalDate.class);
        plain(LocalDateTime.class, ColumnType.TIMESTAMP, LocalDateTime.class);
        plain(OffsetDateTime.class, ColumnType.TIMESTAMP_TZ, OffsetDateTime.class);
        plain(byte[].class, ColumnType.BINARY, byte[].class);
        // Instant is stored as a UTC timestamp-with-time-zone: both drivers speak OffsetDateTime natively.
        BY_CLASS.put(Instant.class, new ValueType(Instant.class, ColumnType.TIMESTAMP_TZ, OffsetDateTime.class,
                v -> ((Instant) v).atOffset(ZoneOffset.UTC), v -> ((OffsetDateTime) v).toInstant()));
    }

    private ValueTypes() {}

    private static void plain(Class<?> javaClass, ColumnType columnType, Class<?> databaseClass) {
        BY_CLASS.put(javaClass, new ValueType(javaClass, columnType, databaseClass, ValueType.SAME, ValueType.SAME));
    }

    /** The value type for {@code javaClass}, or empty when it is not a supported column type. */
    public static Optional<ValueType> forClass(Class<?> javaClass) {
        ValueType known = BY_CLASS.get(javaClass);
        if (known != null) {
            return Optional.of(known);
        }
        if (javaClass.isEnum()) {
            return Optional.of(enumType(javaClass));
        }
        return Optional.empty();
    }

    /** Human-readable list for error messages. */
    public static String supportedTypeNames() {
        StringBuilder out = new StringBuilder();
        for (Class<?> c : BY_CLASS.keySet()) {
            if (out.length() > 0) out.append(", ");
            out.append(c.getSimpleName());
        }
        return out.append(", any enum (stored by name)").toString();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ValueType enumType(Class<?> enumClass) {
        // Stored by name, like SQLAlchemy's Enum(native_enum=False): renaming a constant is a data migration.
        return new ValueType(enumClass, ColumnType.VARCHAR, String.class,
                v -> ((Enum<?>) v).name(),
                v -> Enum.valueOf((Class) enumClass, (String) v));
    }
}
