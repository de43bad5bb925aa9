package dev.braid.relation;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

/** The error for touching a relationship that was not loaded: names it and both ways to load it. */
final class NotLoaded {
    private NotLoaded() {}

    static MapperException error(Object owner, String attribute) {
        String type = owner.getClass().getSimpleName();
        String path = type + "_." + attribute;
        return new MapperException(ErrorCode.BRAID_NOT_LOADED, type + "." + attribute + " is not loaded, and Braid"
                + " never loads on access (that would be hidden, blocking I/O). Fix: load it with the query,"
                + " .options(Loads.selectin(" + path + ")), or explicitly before use, session.load(entity, " + path + ")");
    }
}
