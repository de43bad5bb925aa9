/**
 * Relationship wrappers held in entity fields ({@code Reference}, {@code RelatedList}, {@code WriteOnlyCollection}); they keep both ends of a relationship in sync in memory.
 */
@NullMarked
package dev.braid.relation;

import org.jspecify.annotations.NullMarked;
