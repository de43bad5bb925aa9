/** Models of the joined-table inheritance contract. */
@NullMarked
package dev.braid.reactive.joined;

import org.jspecify.annotations.NullMarked;
