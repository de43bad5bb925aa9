package dev.braid.annotation;

/** How an enum attribute is stored. */
public enum EnumStorage {
    /** The constant's name in a string column (the default): renaming a constant is a data migration. */
    NAME,
    /** The constant's ordinal in an integer column: reordering or inserting constants is a data migration. */
    ORDINAL,
    /**
     * The database's own enum type: on PostgreSQL a type created by the DDL ({@code CREATE TYPE mood AS ENUM
     * (...)}) before the tables, on H2 an {@code ENUM(...)} column; values are the constants' names.
     */
    NATIVE
}
