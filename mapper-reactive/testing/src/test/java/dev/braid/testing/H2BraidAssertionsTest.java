package dev.braid.testing;

import dev.braid.testkit.TestDatabase;

class H2BraidAssertionsTest extends BraidAssertionsContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
