package dev.braid.error;

import org.jspecify.annotations.Nullable;

/** Root of every exception Braid throws. Unchecked; {@link #code()} is stable across versions. */
public class MapperException extends RuntimeException {
    /** The stable error code. */
    private final ErrorCode code;

    /**
     * An error without a cause. The message becomes {@code [CODE] message}.
     *
     * @param code    the stable error code
     * @param message what went wrong and the fix
     * @throws MapperException {@code BRAID_ARGUMENT} when {@code code} is null
     */
    public MapperException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /**
     * An error caused by another. The message becomes {@code [CODE] message}.
     *
     * @param code    the stable error code
     * @param message what went wrong and the fix
     * @param cause   the failure that revealed it, or null
     * @throws MapperException {@code BRAID_ARGUMENT} when {@code code} is null
     */
    public MapperException(ErrorCode code, String message, @Nullable Throwable cause) {
        super("[" + code + "] " + message, cause);
        this.code = Arguments.nonNull(code, "code");
    }

    /**
     * The error's stable code, to switch on instead of parsing the message.
     *
     * @return the code
     */
    public ErrorCode code() {
        return code;
    }
}
