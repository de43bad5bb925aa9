package dev.braid.dialect;

/** The database-neutral column types Braid maps; each dialect names them in DDL. */
public enum ColumnType {
    SMALLINT, INTEGER, BIGINT, BOOLEAN, VARCHAR, DECIMAL, DOUBLE, UUID, DATE, TIMESTAMP, TIMESTAMP_TZ, BINARY
}
