package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresSeedScenariosTest extends SeedScenariosContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
