package dev.braid.annotation;

/**
 * How a relationship is loaded when a query does not say otherwise (SQLAlchemy's {@code lazy=}).
 * There is no lazy "select on access": in a reactive program that would be hidden, blocking I/O.
 */
public enum LoadStrategy {
    /** Use the default: {@link #RAISE}. */
    DEFAULT,
    /** After each window of parents, one query per chunk of parent keys ({@code = ANY($1)} / {@code IN}). */
    SELECTIN,
    /** In the parent's query, through {@code LEFT OUTER JOIN}; parents de-duplicated. */
    JOINED,
    /** Not loaded; touching it throws an error naming the attribute and the fix. */
    RAISE,
    /** Not loaded; a collection reads as empty and loaded, a reference as null. For write-mostly code. */
    NOLOAD,
    /** A collection that is never loaded: append and remove without loading, query it with session.select(...). */
    WRITE_ONLY
}
