package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresBuildForServerTest extends BuildForServerContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
