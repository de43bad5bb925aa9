package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbTransactionTest extends TransactionContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
