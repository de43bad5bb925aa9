package dev.braid.core.internal.meta;

import dev.braid.dialect.ColumnType;
import dev.braid.dialect.SqlType;
import dev.braid.core.internal.util.Require;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * How one Java type is stored: its column type, the class the driver reads and writes
 * ({@code databaseClass}), and the conversions between the two. Most are identities; enums go
 * through their names and {@code Instant} through a UTC {@code OffsetDateTime}.
 */
public final class ValueType {
    private final Class<?> javaClass;
    private final ColumnType columnType;
    private final Class<?> databaseClass;
    private final Function<Object, Object> toDatabase;
    private final Function<Object, Object> fromDatabase;
    private final SqlType sqlType;
    private final BiPredicate<Object, Object> sameContent;

    /** The conversion of types the driver reads and writes as they are. */
    static final Function<Object, Object> SAME = value -> value;

    ValueType(Class<?> javaClass, ColumnType columnType, Class<?> databaseClass,
              Function<Object, Object> toDatabase, Function<Object, Object> fromDatabase) {
        this(javaClass, columnType, databaseClass, toDatabase, fromDatabase, null, null);
    }

    /**
     * @param sqlType     the column's JSON, array or enum type, or null for the scalar {@code columnType}
     * @param sameContent whether two driver values hold the same content when they are not equal (JSON
     *                    texts formatted differently), or null when equality says it all
     */
    ValueType(Class<?> javaClass, ColumnType columnType, Class<?> databaseClass, Function<Object, Object> toDatabase,
              Function<Object, Object> fromDatabase, SqlType sqlType, BiPredicate<Object, Object> sameContent) {
        this.sqlType = sqlType;
        this.sameContent = sameContent;
        this.javaClass = Require.nonNull(javaClass);
        this.columnType = Require.nonNull(columnType);
        this.databaseClass = Require.nonNull(databaseClass);
        this.toDatabase = Require.nonNull(toDatabase);
        this.fromDatabase = Require.nonNull(fromDatabase);
    }

    /** The attribute's declared Java type (primitive types stay primitive here). */
    public Class<?> javaClass() { return javaClass; }

    public ColumnType columnType() { return columnType; }

    /** The column's JSON, array or enum type (DDL names it, binds are cast to it), or null for a scalar. */
    public SqlType sqlType() { return sqlType; }

    /** Whether two unequal driver values hold the same content (JSON by document); false without a rule. */
    public boolean sameContent(Object a, Object b) {
        return sameContent != null && a != null && b != null && sameContent.test(a, b);
    }

    /** This type with another Java class and conversions on top (a converter's Java side). */
    ValueType convertedBy(Class<?> javaClass, Function<Object, Object> toStored, Function<Object, Object> fromStored) {
        return new ValueType(javaClass, columnType, databaseClass, v -> toDatabase(toStored.apply(v)),
                v -> fromStored.apply(fromDatabase(v)), sqlType, sameContent);
    }

    /** The class handed to and asked from the driver. */
    public Class<?> databaseClass() { return databaseClass; }

    /** True when Java and driver values are the same objects (no conversion either way). */
    public boolean isPlain() {
        return toDatabase == SAME && fromDatabase == SAME;
    }

    /** Java value to driver value; null stays null. */
    public Object toDatabase(Object javaValue) {
        return javaValue == null ? null : toDatabase.apply(javaValue);
    }

    /** Driver value to Java value; null stays null. */
    public Object fromDatabase(Object databaseValue) {
        return databaseValue == null ? null : fromDatabase.apply(databaseValue);
    }

    @Override
    public String toString() { return javaClass.getName() + " as " + columnType; }
}
