package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbSubqueryTest extends SubqueryContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
