package dev.braid.dialect;

import java.util.function.Consumer;

/**
 * How a database stores the {@link SqlType}s beyond the scalar catalogue: their DDL names, the casts their
 * binds need, the named types DDL creates first, and the array predicates it has. A dialect without one
 * refuses it through {@link #unsupported(String)}'s messages, which name the type and the fix.
 */
public interface TypeSupport {

    /** What an array predicate asks. */
    enum ArrayMatch {
        /** The column holds every given element (PostgreSQL {@code @>}). */
        CONTAINS_ALL,
        /** The column holds at least one given element (PostgreSQL {@code &&}). */
        OVERLAPS
    }

    /**
     * The type's name in a column definition ({@code jsonb}, {@code text[]}, {@code mood}).
     *
     * @param type the column's type
     * @return the DDL type name
     */
    String typeName(SqlType type);

    /**
     * The text of a bind marker writing a value to a column of {@code type}: the marker as it is, or with the
     * cast the database needs ({@code $1::jsonb}, {@code $1 FORMAT JSON}).
     *
     * @param type   the column's type
     * @param marker the dialect's bind marker ({@code $1})
     * @return the marker text to write
     */
    String bindMarker(SqlType type, String marker);

    /**
     * The SQL type of one element of an array bind carrying many rows' values of {@code type} (batched
     * writes cast {@code $1::jsonb[]}).
     *
     * @param type the column's type
     * @return the element type name
     */
    default String arrayElementType(SqlType type) {
        return typeName(type);
    }

    /**
     * Whether DDL creates {@link SqlType.NamedEnum} types before the tables that use them.
     *
     * @return true when {@link #createEnumType} writes a statement
     */
    default boolean createsEnumTypes() {
        return false;
    }

    /**
     * Writes the statement creating an enum type; only called when {@link #createsEnumTypes()}.
     *
     * @param type        the enum type
     * @param onlyMissing leave an existing type of that name as it is
     * @param out         where the statement is written
     */
    default void createEnumType(SqlType.NamedEnum type, boolean onlyMissing, SqlWriter out) {
        throw dev.braid.core.internal.util.Require.bug("this dialect creates no enum types");
    }

    /**
     * Writes the statement dropping an enum type if it exists; only called when {@link #createsEnumTypes()}.
     *
     * @param type the enum type
     * @param out  where the statement is written
     */
    default void dropEnumType(SqlType.NamedEnum type, SqlWriter out) {
        throw dev.braid.core.internal.util.Require.bug("this dialect creates no enum types");
    }

    /**
     * Writes an array predicate over an array column.
     *
     * @param match    what is asked
     * @param operand  writes the array column
     * @param elements the elements (driver values), bound by the dialect
     * @param type     the column's array type
     * @param out      where the predicate is written
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} where the database has no such predicate
     */
    void arrayMatch(ArrayMatch match, Consumer<SqlWriter> operand, Object[] elements, SqlType.ArrayOf type, SqlWriter out);

    /**
     * The support of a database that has none of these types: every method refuses, naming the database
     * and the type.
     *
     * @param database the database's name, for messages
     * @return a refusing support
     */
    static TypeSupport unsupported(String database) {
        return new NoTypeSupport(database);
    }
}
