package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2SeedScenariosTest extends SeedScenariosContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
