package dev.braid.core.meta;

/** Anything that can describe an entity: the fluent builder implements it. */
public interface EntitySource {
    EntitySpec toSpec();
}
