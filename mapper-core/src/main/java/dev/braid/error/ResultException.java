package dev.braid.error;

/** {@code one()} expected exactly one row and found none or several. */
public final class ResultException extends MapperException {
    public ResultException(ErrorCode code, String message) {
        super(code, message);
    }
}
