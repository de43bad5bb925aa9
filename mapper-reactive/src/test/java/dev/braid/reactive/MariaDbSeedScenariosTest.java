package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbSeedScenariosTest extends SeedScenariosContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
