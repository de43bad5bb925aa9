package dev.braid.error;

/**
 * A session was opened inside the work of another session of the same mapper. The inner session
 * needs a second connection while the outer one holds the first: with every pooled connection held
 * by an outer session, all of them wait for each other forever (pool starvation).
 */
public final class NestedSessionException extends MapperException {
    /**
     * An error with code {@link ErrorCode#BRAID_NESTED_SESSION}.
     *
     * @param message which sessions nested and the fix
     */
    public NestedSessionException(String message) {
        super(ErrorCode.BRAID_NESTED_SESSION, message);
    }
}
