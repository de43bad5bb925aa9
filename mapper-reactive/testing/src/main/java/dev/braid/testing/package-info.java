/**
 * Statement assertions for tests of code that uses Braid. {@link dev.braid.testing.BraidAssertions#assertStatements}
 * runs a piece of work and checks how many statements it sent; {@link dev.braid.testing.StatementCapture} records
 * the statements of the sessions opened under its context, to assert their texts and origins. Both see the
 * statements through the Reactor context ({@code dev.braid.reactive.StatementBudget#reportingTo}), so they work with
 * any mapper as it is built (no listener to register) and only see the statements of the work under test, even
 * when other tests use the same mapper at the same time. Failures are plain {@link java.lang.AssertionError}s.
 */
@NullMarked
package dev.braid.testing;

import org.jspecify.annotations.NullMarked;
