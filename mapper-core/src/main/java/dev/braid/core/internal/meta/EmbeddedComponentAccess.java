package dev.braid.core.internal.meta;

/**
 * Reads and writes one component of an embedded value through its owner: {@code order.shipTo.city}. Reading
 * a component of a null value gives null; writing a non-null component into a null value creates the value;
 * a value left with every component null is stored as null, so a value is null as a whole.
 */
final class EmbeddedComponentAccess implements PropertyAccess {
    private final PropertyAccess owner;
    private final EmbeddedType type;
    private final int component;

    EmbeddedComponentAccess(PropertyAccess owner, EmbeddedType type, int component) {
        this.owner = owner;
        this.type = type;
        this.component = component;
    }

    PropertyAccess owner() { return owner; }

    EmbeddedType type() { return type; }

    int component() { return component; }

    @Override
    public Object get(Object entity) {
        Object value = owner.get(entity);
        return value == null ? null : type.get(value, component);
    }

    @Override
    public void set(Object entity, Object javaValue) {
        Object value = owner.get(entity);
        if (value == null && javaValue == null) return;
        Object changed = type.with(value, component, javaValue);
        owner.set(entity, type.allNull(changed) ? null : changed);
    }
}
