/**
 * Braid's exceptions: every one a {@code MapperException} with a stable {@code ErrorCode}, naming what went wrong and the fix.
 */
@NullMarked
package dev.braid.error;

import org.jspecify.annotations.NullMarked;
