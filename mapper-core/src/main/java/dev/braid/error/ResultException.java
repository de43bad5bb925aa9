package dev.braid.error;

/** {@code one()} expected exactly one row and found none or several. */
public final class ResultException extends MapperException {
    /**
     * An error for a result of the wrong size.
     *
     * @param code    {@link ErrorCode#BRAID_NO_RESULT} or {@link ErrorCode#BRAID_NON_UNIQUE_RESULT}
     * @param message what the query found
     */
    public ResultException(ErrorCode code, String message) {
        super(code, message);
    }
}
