package dev.braid.error;

/** Stable codes for every Braid error, so callers can switch on them and docs can list them. */
public enum ErrorCode {
    /** The mapping is invalid; raised by configure with every problem listed. */
    BRAID_MAPPING,
    /** An entity class or attribute is not mapped. */
    BRAID_UNMAPPED,
    /** A query is malformed (an unmapped attribute, a wrong value type, ...). */
    BRAID_QUERY,
    /** {@code one()} found no row. */
    BRAID_NO_RESULT,
    /** {@code one()} found more than one row. */
    BRAID_NON_UNIQUE_RESULT,
    /** A value could not be converted between Java and the database. */
    BRAID_CONVERSION,
    /** An operation was issued to a session while a windowed stream of it was running (other overlapping use is queued). */
    BRAID_SESSION_BUSY,
    /** A session was used after its scope ended. */
    BRAID_SESSION_CLOSED,
    /** A flush failed inside this session's transaction: it can only roll back now. */
    BRAID_SESSION_INACTIVE,
    /** An entity is in the wrong state for the requested operation. */
    BRAID_ENTITY_STATE,
    /** An UPDATE or DELETE matched no row: the row was changed or deleted by someone else. */
    BRAID_STALE_DATA,
    /** A relationship that was not loaded was touched; the message names the attribute and how to load it. */
    BRAID_NOT_LOADED,
    /** The database rejected a statement; the SQL and SQLSTATE are attached. */
    BRAID_DATABASE,
    /** A statement violated a constraint (unique, foreign key, not null, check). */
    BRAID_CONSTRAINT,
    /**
     * An argument to a Braid method is invalid: null where a value is needed, a negative size, an
     * object of another type than the relationship's target, an empty load path.
     */
    BRAID_ARGUMENT,
    /** An entity object could not be created or written: its constructor threw, or its package is closed to Braid. */
    BRAID_INSTANTIATION,
    /** Braid broke one of its own invariants: a bug in Braid; the message says what, please report it. */
    BRAID_INTERNAL,
    /** No connection could be obtained in time (pool exhausted, database unreachable, or opening one failed). */
    BRAID_CONNECTION_UNAVAILABLE,
    /** The connection broke while in use (SQLSTATE class 08, 57P01-57P03): the statement and its transaction are lost. */
    BRAID_CONNECTION_LOST,
    /** The connection broke while COMMIT was in flight: the transaction may or may not have committed. */
    BRAID_COMMIT_OUTCOME_UNKNOWN,
    /** A session was opened inside another session's work on the same mapper (a pool-starvation deadlock in waiting). */
    BRAID_NESTED_SESSION,
    /** A session's statement budget was spent: the next statement was refused, unsent (an N+1 guard). */
    BRAID_BUDGET,
    /** A read-only session ({@code mapper.readOnly(...)}, possibly on a replica) was asked to write: nothing was sent. */
    BRAID_READ_ONLY
}
