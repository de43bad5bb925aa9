package dev.braid.core.internal.dialect.mariadb;

import dev.braid.dialect.ValueAdapter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * r2dbc-mariadb (1.4) has no codec for {@code OffsetDateTime} or {@code Instant}, and MariaDB has no timestamp
 * with a time zone: both are stored as their UTC {@code LocalDateTime} in a {@code datetime(6)} column, and an
 * {@code OffsetDateTime} reads back at offset UTC (the same instant, not the offset it was written with). Every
 * other class goes to the driver as it is.
 */
final class MariaDbValues implements ValueAdapter {
    static final MariaDbValues INSTANCE = new MariaDbValues();

    private MariaDbValues() {}

    @Override
    public Class<?> driverClass(Class<?> databaseClass) {
        return databaseClass == OffsetDateTime.class || databaseClass == Instant.class ? LocalDateTime.class : databaseClass;
    }

    @Override
    public Object toDriver(Object value) {
        if (value instanceof OffsetDateTime t) return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        if (value instanceof Instant t) return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        return value;
    }

    @Override
    public Object fromDriver(Object driverValue, Class<?> databaseClass) {
        if (driverValue instanceof LocalDateTime t) {
            if (databaseClass == OffsetDateTime.class) return t.atOffset(ZoneOffset.UTC);
            if (databaseClass == Instant.class) return t.toInstant(ZoneOffset.UTC);
        }
        return driverValue;
    }
}
