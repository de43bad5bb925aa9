package dev.braid.statement;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;


/**
 * One bound value of a statement Braid sends: the driver value (or null) and its driver class.
 *
 * @param value the value handed to the driver, or null for SQL NULL
 * @param type  the driver class of the value (what a null is bound as)
 */
public record Bind(Object value, Class<?> type) {
    /** Checks the type is given. */
    public Bind {
        if (type == null) {
            throw new MapperException(ErrorCode.BRAID_ARGUMENT, "Bind.type must not be null. Fix: pass the value's driver class");
        }
    }
}
