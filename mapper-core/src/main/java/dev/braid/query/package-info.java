/**
 * Typed queries: attributes of the generated metamodel, predicates, ordering, relationship paths and load options.
 */
@NullMarked
package dev.braid.query;

import org.jspecify.annotations.NullMarked;
