package dev.braid.dialect;

import java.util.List;

/**
 * A column type beyond the scalar {@link ColumnType}s: JSON documents, arrays and named enum types. Each
 * dialect names them in DDL and says how a value is bound to them ({@link TypeSupport}); a dialect without
 * one of them refuses it with a message naming the column.
 */
public sealed interface SqlType {

    /** A JSON document, bound and read as its text. */
    record Json() implements SqlType {}

    /**
     * An array of scalars, bound and read as a Java array of the element's driver class.
     *
     * @param element the elements' column type
     */
    record ArrayOf(ColumnType element) implements SqlType {
        /**
         * Checks the element type is given.
         *
         * @param element the elements' column type
         */
        public ArrayOf {
            if (element == null) throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_ARGUMENT, "an array type needs its element type");
        }
    }

    /**
     * An enum type of the database ({@code CREATE TYPE mood AS ENUM (...)} on PostgreSQL), bound and read as
     * the label text.
     *
     * @param name   the type's name
     * @param labels the labels, in declaration order
     */
    record NamedEnum(String name, List<String> labels) implements SqlType {
        /**
         * Copies the labels.
         *
         * @param name   the type's name
         * @param labels the labels, in declaration order
         */
        public NamedEnum {
            if (name == null || labels == null) throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_ARGUMENT, "an enum type needs a name and labels");
            labels = List.copyOf(labels);
        }
    }
}
