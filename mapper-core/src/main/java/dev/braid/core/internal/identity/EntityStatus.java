package dev.braid.core.internal.identity;

/** SQLAlchemy's object states, as far as a session tracks them. */
public enum EntityStatus {
    /** Added to the session, not yet inserted. */
    PENDING,
    /** Has a row: loaded, or inserted by a flush. */
    PERSISTENT,
    /** Marked for deletion; the DELETE runs at the next flush. */
    DELETED
}
