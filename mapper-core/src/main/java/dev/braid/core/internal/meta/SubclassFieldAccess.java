package dev.braid.core.internal.meta;

/**
 * A column of one subclass in a hierarchy's shared mapping: objects of the other classes have no such field,
 * so for them it reads as NULL and writes nothing.
 */
final class SubclassFieldAccess implements PropertyAccess {
    private final Class<?> declaring;
    private final PropertyAccess field;

    SubclassFieldAccess(Class<?> declaring, PropertyAccess field) {
        this.declaring = declaring;
        this.field = field;
    }

    @Override
    public Object get(Object entity) {
        return declaring.isInstance(entity) ? field.get(entity) : null;
    }

    @Override
    public void set(Object entity, Object value) {
        if (declaring.isInstance(entity)) field.set(entity, value);
    }
}
