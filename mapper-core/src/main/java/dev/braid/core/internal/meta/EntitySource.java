package dev.braid.core.internal.meta;

/** Anything that can describe an entity: the fluent builder implements it. */
public interface EntitySource {
    /**
     * The unvalidated description of the entity.
     *
     * @return the entity's spec
     */
    EntitySpec toSpec();
}
