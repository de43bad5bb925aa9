package dev.braid.query;

import org.jspecify.annotations.Nullable;

import dev.braid.core.internal.util.Require;
import java.util.Objects;

/**
 * A typed reference to a relationship of {@code E} whose target is {@code T}: {@code Author_.books}.
 * Used for load options ({@code Loads.selectin(Author_.books, Book_.reviews)}), explicit loads
 * ({@code session.load(author, Author_.books)}), joins and {@code any}/{@code has} filters.
 *
 * @param <E> the entity type declaring the relationship
 * @param <T> the related entity type
 */
public final class Relation<E, T> {
    private final Class<E> ownerType;
    private final String name;
    private final Class<T> targetType;

    Relation(Class<E> ownerType, String name, Class<T> targetType) {
        this.ownerType = Require.nonNull(ownerType, "ownerType");
        this.name = Require.nonNull(name, "name");
        this.targetType = Require.nonNull(targetType, "targetType");
    }

    /**
     * A relationship reference, as the annotation processor generates it ({@code Author_.books}).
     * Whether such a relationship is mapped is checked when a query uses it.
     *
     * @param ownerType  the entity class declaring the relationship
     * @param name       the relationship's field name
     * @param targetType the related entity class
     * @param <E>        the owning entity type
     * @param <T>        the related entity type
     * @return the relationship reference
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when any argument is null
     */
    public static <E, T> Relation<E, T> of(Class<E> ownerType, String name, Class<T> targetType) {
        return new Relation<>(ownerType, name, targetType);
    }

    /**
     * The entity that declares the relationship.
     *
     * @return the owning entity class
     */
    public Class<E> ownerType() { return ownerType; }

    /**
     * The relationship's field name.
     *
     * @return the name
     */
    public String name() { return name; }

    /**
     * The related entity.
     *
     * @return the target entity class
     */
    public Class<T> targetType() { return targetType; }

    /**
     * Owners with at least one related row matching {@code condition} (SQL EXISTS); for collections.
     *
     * @param condition the filter on the related rows
     * @return the predicate
     */
    public Predicate any(Predicate condition) {
        return new Predicate.Exists(this, condition);
    }

    /**
     * Owners with at least one related row (SQL EXISTS).
     *
     * @return the predicate
     */
    public Predicate any() {
        return new Predicate.Exists(this, null);
    }

    /**
     * Owners whose referenced row matches {@code condition} (SQL EXISTS); for references.
     *
     * @param condition the filter on the referenced row
     * @return the predicate
     */
    public Predicate has(Predicate condition) {
        return new Predicate.Exists(this, condition);
    }

    /** Equal when both name the same relationship of the same owner class. */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Relation<?, ?> r && r.ownerType.equals(ownerType) && r.name.equals(name);
    }

    @Override
    public int hashCode() { return Objects.hash(ownerType, name); }

    /** {@code Owner.relationship}, as errors name it. */
    @Override
    public String toString() { return ownerType.getSimpleName() + "." + name; }
}
