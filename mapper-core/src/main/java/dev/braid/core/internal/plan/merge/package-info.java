/**
 * Internal to Braid (not exported). The merge algorithm as steps: which rows to read and how detached state is copied onto session objects.
 */
@NullMarked
package dev.braid.core.internal.plan.merge;

import org.jspecify.annotations.NullMarked;
