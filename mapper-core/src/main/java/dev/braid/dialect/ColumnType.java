package dev.braid.dialect;

/** The database-neutral column types Braid maps; each dialect names them in DDL. */
public enum ColumnType {
    /** A 16-bit integer ({@code short}). */
    SMALLINT,
    /** A 32-bit integer ({@code int}). */
    INTEGER,
    /** A 64-bit integer ({@code long}). */
    BIGINT,
    /** A boolean. */
    BOOLEAN,
    /** A string of bounded or unbounded length ({@code String}; enums are stored by name). */
    VARCHAR,
    /** An exact decimal with precision and scale ({@code BigDecimal}). */
    DECIMAL,
    /** A double-precision floating point number. */
    DOUBLE,
    /** A UUID. */
    UUID,
    /** A date without time ({@code LocalDate}). */
    DATE,
    /** A date and time without zone ({@code LocalDateTime}). */
    TIMESTAMP,
    /** A date and time with zone offset ({@code OffsetDateTime}, {@code Instant}). */
    TIMESTAMP_TZ,
    /** Bytes ({@code byte[]}). */
    BINARY
}
