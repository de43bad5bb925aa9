package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbErrorMessagesTest extends ErrorMessagesContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
