package dev.braid.error;

import org.jspecify.annotations.Nullable;

/** The null checks of this package's own constructors (the rest of Braid has its own helper). */
final class Arguments {
    private Arguments() {}

    static <T> T nonNull(@Nullable T value, String name) {
        if (value == null) {
            throw new MapperException(ErrorCode.BRAID_ARGUMENT, name + " must not be null. Fix: pass a value");
        }
        return value;
    }
}
