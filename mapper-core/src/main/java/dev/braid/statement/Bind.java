package dev.braid.statement;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import org.jspecify.annotations.Nullable;

/**
 * One bound value of a statement Braid sends: the driver value (or null) and its driver class.
 *
 * @param value the value handed to the driver, or null for SQL NULL
 * @param type  the driver class of the value (what a null is bound as)
 */
public record Bind(@Nullable Object value, Class<?> type) {
    /**
     * Checks the type is given.
     *
     * @param value the value handed to the driver, or null for SQL NULL
     * @param type  the driver class of the value
     * @throws MapperException {@code BRAID_ARGUMENT} when {@code type} is null
     */
    public Bind {
        if (type == null) {
            throw new MapperException(ErrorCode.BRAID_ARGUMENT, "Bind.type must not be null. Fix: pass the value's driver class");
        }
    }
}
