/**
 * Statement assertions for applications' own tests: {@code dev.braid.testing.BraidAssertions} and
 * {@code dev.braid.testing.StatementCapture}. Plain {@link java.lang.AssertionError}s, no test framework.
 */
module dev.braid.testing {
    requires transitive dev.braid.reactive;
    requires static transitive org.jspecify;

    exports dev.braid.testing;
}
