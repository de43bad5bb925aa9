package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbSelfReferenceFlushTest extends SelfReferenceFlushContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
