/**
 * Annotations that map classes to tables and fields to columns and relationships, with the cascade and loading vocabulary they use.
 */
@NullMarked
package dev.braid.annotation;

import org.jspecify.annotations.NullMarked;
