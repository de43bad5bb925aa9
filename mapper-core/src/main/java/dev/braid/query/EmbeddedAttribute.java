package dev.braid.query;

import dev.braid.core.internal.util.Require;

import java.util.List;

/**
 * A reference to an {@link dev.braid.annotation.Embedded @Embedded} value of entity {@code E}: the value as
 * a whole, null when every one of its columns is. The annotation processor generates one per embedded field
 * ({@code Order_.shipTo}), a subclass whose fields reference the components ({@code Order_.shipTo.city}, an
 * ordinary attribute named {@code "shipTo.city"}). For a class mapped with the builder, reference a
 * component with {@code Attribute.string(Order.class, "shipTo.city")} and the value with {@link #of}.
 *
 * @param <E> the entity type
 * @param <V> the value type
 */
public class EmbeddedAttribute<E, V> {
    private final Class<E> entityType;
    private final String name;
    private final Class<V> valueType;
    private final List<String> components;

    /**
     * For generated subclasses; applications call {@link #of}.
     *
     * @param entityType the entity class
     * @param name       the embedded field's name
     * @param valueType  the value type
     * @param components the mapped components' field names
     */
    protected EmbeddedAttribute(Class<E> entityType, String name, Class<V> valueType, List<String> components) {
        this.entityType = Require.nonNull(entityType, "entityType");
        this.name = Require.nonNull(name, "name");
        this.valueType = Require.nonNull(valueType, "valueType");
        this.components = List.copyOf(components);
        if (this.components.isEmpty()) {
            throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_ARGUMENT, entityType.getSimpleName()
                    + "." + name + " is referenced as an embedded value without components. Fix: name its mapped fields");
        }
    }

    /**
     * A reference to an embedded value of a class mapped with the builder.
     *
     * @param entityType the entity class
     * @param name       the embedded field's name
     * @param valueType  the value type
     * @param components the mapped components' field names
     * @param <E>        the entity type
     * @param <V>        the value type
     * @return the reference
     */
    public static <E, V> EmbeddedAttribute<E, V> of(Class<E> entityType, String name, Class<V> valueType,
                                                   String... components) {
        return new EmbeddedAttribute<>(entityType, name, valueType, List.of(components));
    }

    /**
     * The entity that declares the value.
     *
     * @return the entity class
     */
    public Class<E> entityType() { return entityType; }

    /**
     * The embedded field's name.
     *
     * @return the field name
     */
    public String name() { return name; }

    /**
     * The value type.
     *
     * @return the value class
     */
    public Class<V> valueType() { return valueType; }

    /**
     * The component attribute {@code name.component}, as the generated fields reference it.
     *
     * @param component the value type's field name
     * @param type      its Java type
     * @param <X>       its Java type
     * @return the attribute reference
     */
    public <X> Attribute<E, X> component(String component, Class<X> type) {
        return Attribute.of(entityType, name + "." + component, type);
    }

    /**
     * The value is null: every one of its columns is NULL.
     *
     * @return the predicate
     */
    public Predicate isNull() {
        return Predicate.and(components.stream().map(c -> component(c, Object.class).isNull()).toList());
    }

    /**
     * The value is not null: some column of it is not NULL.
     *
     * @return the predicate
     */
    public Predicate isNotNull() {
        return Predicate.or(components.stream().map(c -> component(c, Object.class).isNotNull()).toList());
    }

    @Override
    public String toString() { return entityType.getSimpleName() + "." + name; }
}
