package dev.braid.core.internal.meta;

/**
 * The discriminator column of a hierarchy: no field holds it; its value is the object's class's
 * (written at INSERT, never changed), and what a row holds was used to pick the class.
 */
final class DiscriminatorAccess implements PropertyAccess {
    private final Hierarchy hierarchy;

    DiscriminatorAccess(Hierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    @Override
    public Object get(Object entity) {
        return hierarchy.valueOf(entity.getClass());
    }

    @Override
    public void set(Object entity, Object value) {
        // Read-only: the class is the value.
    }
}
