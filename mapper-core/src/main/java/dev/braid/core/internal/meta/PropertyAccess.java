package dev.braid.core.internal.meta;

/** Reads and writes one attribute of an entity object. */
public interface PropertyAccess {
    Object get(Object entity);

    void set(Object entity, Object value);
}
