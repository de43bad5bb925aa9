package dev.braid.reactive.conduit;

/** An article's state, stored by name. */
public enum Status { DRAFT, PUBLISHED }
