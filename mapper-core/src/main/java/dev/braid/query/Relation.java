package dev.braid.query;

import dev.braid.core.internal.util.Require;
import java.util.Objects;

/**
 * A typed reference to a relationship of {@code E} whose target is {@code T}: {@code Author_.books}.
 * Used for load options ({@code Loads.selectin(Author_.books, Book_.reviews)}), explicit loads
 * ({@code session.load(author, Author_.books)}), joins and {@code any}/{@code has} filters.
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

    public static <E, T> Relation<E, T> of(Class<E> ownerType, String name, Class<T> targetType) {
        return new Relation<>(ownerType, name, targetType);
    }

    public Class<E> ownerType() { return ownerType; }

    public String name() { return name; }

    public Class<T> targetType() { return targetType; }

    /** Owners with at least one related row matching {@code condition} (SQL EXISTS); for collections. */
    public Predicate any(Predicate condition) {
        return new Predicate.Exists(this, condition);
    }

    /** Owners with at least one related row. */
    public Predicate any() {
        return new Predicate.Exists(this, null);
    }

    /** Owners whose referenced row matches {@code condition} (SQL EXISTS); for references. */
    public Predicate has(Predicate condition) {
        return new Predicate.Exists(this, condition);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Relation<?, ?> r && r.ownerType.equals(ownerType) && r.name.equals(name);
    }

    @Override
    public int hashCode() { return Objects.hash(ownerType, name); }

    @Override
    public String toString() { return ownerType.getSimpleName() + "." + name; }
}
