package dev.braid.dialect;

/** What kind of failure a database error is, as a dialect's {@link ErrorClassifier} reads its SQLSTATE. */
public enum ErrorKind {
    /** The transaction conflicted with a concurrent one and was rolled back; running it again can succeed. */
    SERIALIZATION_FAILURE,
    /** The database broke a deadlock by rolling this transaction back; running it again can succeed. */
    DEADLOCK,
    /**
     * A lock was not granted in time (MariaDB 1205); the database rolled back the statement (InnoDB) or the
     * transaction, and Braid's retry runs the whole transaction again after rolling it back.
     */
    LOCK_TIMEOUT,
    /** The connection itself is gone (closed socket, server ended the session, database closed). */
    CONNECTION_LOST,
    /** A unique, foreign key, check or NOT NULL constraint rejected the write. */
    CONSTRAINT_VIOLATION,
    /** A string is longer than its column allows. */
    VALUE_TOO_LONG,
    /** A number is outside its column's precision and scale. */
    VALUE_OUT_OF_RANGE,
    /** Text holds characters the database cannot store (a NUL byte, an invalid byte sequence). */
    INVALID_TEXT,
    /** Anything else: the statement was rejected for another reason. */
    OTHER;

    /**
     * Whether the whole transaction can be run again with a chance of success.
     *
     * @return true for {@link #SERIALIZATION_FAILURE}, {@link #DEADLOCK} and {@link #LOCK_TIMEOUT}
     */
    public boolean isRetryable() {
        return this == SERIALIZATION_FAILURE || this == DEADLOCK || this == LOCK_TIMEOUT;
    }
}
