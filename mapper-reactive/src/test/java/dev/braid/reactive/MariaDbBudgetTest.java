package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbBudgetTest extends BudgetContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
