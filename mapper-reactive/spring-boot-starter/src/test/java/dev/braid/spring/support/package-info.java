/** Test support shared by the starter's PostgreSQL tests. */
@NullMarked
package dev.braid.spring.support;

import org.jspecify.annotations.NullMarked;
