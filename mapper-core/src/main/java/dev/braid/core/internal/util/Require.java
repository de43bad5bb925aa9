package dev.braid.core.internal.util;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;


/**
 * The argument and invariant checks Braid makes, failing with a {@link MapperException} instead of the
 * JDK's {@code NullPointerException}/{@code IllegalArgumentException}/{@code IllegalStateException},
 * so that every exception Braid throws has a stable {@link ErrorCode}.
 */
public final class Require {
    private Require() {}

    /** {@code value}, or a {@link ErrorCode#BRAID_ARGUMENT} error saying that {@code name} must not be null. */
    public static <T> T nonNull(T value, String name) {
        if (value == null) {
            throw new MapperException(ErrorCode.BRAID_ARGUMENT, name + " must not be null. Fix: pass a value"
                    + " (for 'no value' use the method's documented alternative, e.g. isNull() in a query)");
        }
        return value;
    }

    /** {@code value}, or a {@link ErrorCode#BRAID_ARGUMENT} error naming no argument (for internal values). */
    public static <T> T nonNull(T value) {
        return nonNull(value, "The value");
    }

    /** Fails with {@link ErrorCode#BRAID_ARGUMENT} and {@code message} unless {@code condition} holds. */
    public static void argument(boolean condition, String message) {
        if (!condition) throw new MapperException(ErrorCode.BRAID_ARGUMENT, message);
    }

    /** An error for a broken internal invariant: a Braid bug, never a user's mistake. */
    public static MapperException bug(String what) {
        return bug(what, null);
    }

    /** {@link #bug(String)} keeping the failure that revealed it. */
    public static MapperException bug(String what, Throwable cause) {
        return new MapperException(ErrorCode.BRAID_INTERNAL, what + ". This is a bug in Braid, not in your code:"
                + " please report it with this message and stack trace", cause);
    }
}
