package dev.braid.core.internal.meta;

/**
 * A column of one subclass in a hierarchy's shared mapping: objects of the other classes have no such field,
 * so for them it reads as NULL and writes nothing.
 */
final class SubclassFieldAccess implements PropertyAccess {
    private final Class<?> declaring;
    private final PropertyAccess field;
    // A primitive column of a joined-table subclass: the base table's read leaves it NULL until its own table's.
    private final boolean skipNull;

    SubclassFieldAccess(Class<?> declaring, PropertyAccess field) {
        this(declaring, field, false);
    }

    SubclassFieldAccess(Class<?> declaring, PropertyAccess field, boolean skipNull) {
        this.declaring = declaring;
        this.field = field;
        this.skipNull = skipNull;
    }

    @Override
    public Object get(Object entity) {
        return declaring.isInstance(entity) ? field.get(entity) : null;
    }

    @Override
    public void set(Object entity, Object value) {
        if (declaring.isInstance(entity) && !(skipNull && value == null)) field.set(entity, value);
    }
}
