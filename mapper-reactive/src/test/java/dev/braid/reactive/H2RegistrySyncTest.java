package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2RegistrySyncTest extends RegistrySyncContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
