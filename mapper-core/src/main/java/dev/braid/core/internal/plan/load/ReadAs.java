package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.meta.ValueType;

/**
 * How one selected value is read from a row: through {@code type} (a column's value type: driver class,
 * then conversion), or, for aggregates whose SQL type the database chooses, as any number converted to
 * {@code number} (Long, Integer, Short, Double, BigDecimal), {@code what} naming it when it does not fit.
 */
public record ReadAs(ValueType type, Class<?> number, String what) {

    static ReadAs value(ValueType type) {
        return new ReadAs(type, null, null);
    }

    static ReadAs number(Class<?> target, String what) {
        return new ReadAs(null, target, what);
    }
}
