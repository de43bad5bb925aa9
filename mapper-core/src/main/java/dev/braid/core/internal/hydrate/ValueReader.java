package dev.braid.core.internal.hydrate;

import dev.braid.core.internal.meta.ValueType;
import dev.braid.core.internal.plan.load.ReadAs;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads one selected value of a projection row as its Java value: a column through its value type (enum
 * names, UTC instants; NULL stays null even for primitive attributes, since an outer join can miss a
 * row), an aggregate's number as the type it promises whatever numeric type the database chose.
 */
@FunctionalInterface
public interface ValueReader {

    /** The Java value at {@code index} of {@code row}, or null. */
    Object read(RowView row, int index);

    /** The reader {@code read} describes. */
    static ValueReader of(ReadAs read) {
        return read.number() != null ? number(read.number(), read.what()) : of(read.type());
    }

    /** A value of {@code type}: read as its driver class, then converted. */
    static ValueReader of(ValueType type) {
        Class<?> driverClass = type.databaseClass();
        if (type.isPlain()) return (row, index) -> row.get(index, driverClass);
        return (row, index) -> type.fromDatabase(row.get(index, driverClass));
    }

    /**
     * A number of {@code target} (Long, Integer, Short, Double, BigDecimal) from whatever numeric type
     * the database returns (SUM of a bigint is numeric on PostgreSQL); {@code what} names the value when
     * it does not fit.
     */
    static ValueReader number(Class<?> target, String what) {
        return (row, index) -> convert(row.get(index, Object.class), target, what);
    }

    private static Object convert(Object value, Class<?> target, String what) {
        if (value == null || target.isInstance(value)) return value;
        if (!(value instanceof Number n)) {
            throw new MapperException(ErrorCode.BRAID_CONVERSION, what + " returned " + value.getClass().getName()
                    + " " + value + ", not a number");
        }
        try {
            if (target == Double.class) return n.doubleValue();
            BigDecimal decimal = n instanceof BigDecimal d ? d : n instanceof BigInteger i ? new BigDecimal(i)
                    : (n instanceof Double || n instanceof Float) ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
            if (target == BigDecimal.class) return decimal;
            if (target == Long.class) return decimal.longValueExact();
            if (target == Integer.class) return decimal.intValueExact();
            if (target == Short.class) return decimal.shortValueExact();
        } catch (ArithmeticException e) {
            throw new MapperException(ErrorCode.BRAID_CONVERSION, what + " is " + value + ", which does not fit a "
                    + target.getSimpleName() + ". Fix: select a wider attribute type (Long, BigDecimal) to aggregate", e);
        }
        throw dev.braid.core.internal.util.Require.bug("No conversion of numbers to " + target);
    }
}
