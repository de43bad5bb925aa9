package dev.braid.relation;

import org.jspecify.annotations.Nullable;

import java.util.function.Function;

/**
 * How one relationship attribute of one entity class keeps its other end in sync: the attribute, the
 * class its members must have, how to read its wrapper from an owner, and the rule of the other end.
 *
 * <p>A {@code MappingRegistry} makes one rule per mapped relationship when it is configured, each pair
 * linked to its reverse, so two registries mapping the same class with different reverse names each
 * sync by their own names; an object's wrappers are bound to them when the object enters a session
 * (hydrated, added, or reached by a cascade). A wrapper that is not bound yet (a new object) uses the
 * rule its field declares: the relationship annotation's {@code backPopulates}, or, for a field
 * without annotation (a class mapped with the fluent builder), an unknown reverse, settled at binding.
 * Rules are immutable once their registry is built; Braid creates them, application code never does.
 */
public final class SyncRule {
    private final Class<?> ownerType;
    private final String attribute;
    private final Class<?> targetType;
    private final Function<Object, Object> access;
    private final @Nullable String reverseName;
    private final boolean known;
    private final boolean fromRegistry;
    // The rule of the other end of the same relationship (whichever side named it), linked once at configure.
    private @Nullable SyncRule pair;
    // Set once: from the annotation for declared rules, by the configure step for a registry's.
    private boolean viewOnly;

    SyncRule(Class<?> ownerType, String attribute, Class<?> targetType, Function<Object, Object> access, @Nullable String reverseName,
             boolean known, boolean fromRegistry) {
        this.ownerType = ownerType;
        this.attribute = attribute;
        this.targetType = targetType;
        this.access = access;
        this.reverseName = reverseName == null || reverseName.isEmpty() ? null : reverseName;
        this.known = known;
        this.fromRegistry = fromRegistry;
    }

    /**
     * The attribute this rule belongs to.
     *
     * @return the relationship's field name
     */
    public String attribute() {
        return attribute;
    }

    /**
     * The attribute on the target that this one keeps in sync.
     *
     * @return the reverse attribute's name, or null for a one-way relationship
     */
    public @Nullable String reverseName() {
        return reverseName;
    }

    /**
     * Where the rule comes from.
     *
     * @return true for a rule of a configured registry; false for one read from the field's declaration
     */
    public boolean fromRegistry() {
        return fromRegistry;
    }

    /** The class whose attribute this is. */
    Class<?> ownerType() {
        return ownerType;
    }

    Class<?> targetType() {
        return targetType;
    }

    /** False for a wrapper field without annotation on an unbound object: its reverse is decided by binding. */
    boolean known() {
        return known;
    }

    /** The wrapper of this attribute on {@code owner}, or null when its field holds none. */
    Object wrapperOf(Object owner) {
        return Wrappers.unwrap(access.apply(owner));
    }

    /** True when writes through the attribute are refused (a view-only relationship). */
    boolean viewOnly() {
        return viewOnly;
    }

    void markViewOnly() {
        this.viewOnly = true;
    }

    void pair(SyncRule other) {
        this.pair = other;
    }

    /** The rule of the other end of this relationship, whichever end declared the reverse, or null. */
    @Nullable SyncRule pair() {
        return pair;
    }

    /**
     * The rule of the attribute on {@code element} (a member or target of this attribute) to keep in
     * sync with this one, or null when this attribute names no reverse.
     */
    @Nullable SyncRule reverseFor(Object element) {
        if (reverseName == null) return null;
        if (fromRegistry) return pair;
        return DeclaredRules.find(element.getClass(), reverseName);
    }

    @Override
    public String toString() {
        return "SyncRule[" + attribute + (reverseName == null ? "" : " <-> " + reverseName)
                + (fromRegistry ? "" : ", declared") + "]";
    }
}
