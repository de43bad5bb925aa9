package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbConverterEnumTest extends ConverterEnumContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
