package dev.braid.error;




/** Root of every exception Braid throws. Unchecked; {@link #code()} is stable across versions. */
public class MapperException extends RuntimeException {
    private final ErrorCode code;

    public MapperException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public MapperException(ErrorCode code, String message, Throwable cause) {
        super("[" + code + "] " + message, cause);
        this.code = Arguments.nonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
