/**
 * Internal to Braid (not exported). The unit of work: session changes, cascade walk, one dependency processor per relationship direction, dirty check, flush order; collect commands, then emit write steps.
 */
@NullMarked
package dev.braid.core.internal.plan.flush;

import org.jspecify.annotations.NullMarked;
