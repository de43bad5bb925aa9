/**
 * Internal to Braid (not exported). Routing reads to streaming replicas: what is known of each replica (reachable,
 * replayed position, lag) and the choice of one for a read.
 */
@NullMarked
package dev.braid.reactive.internal.route;

import org.jspecify.annotations.NullMarked;
