package dev.braid.testing;

import dev.braid.testkit.TestDatabase;

class PostgresBraidAssertionsTest extends BraidAssertionsContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
