package dev.braid.core.internal.dialect.mariadb;

import dev.braid.dialect.IsolationLevels;
import dev.braid.dialect.TransactionStatements;

import java.util.List;

/**
 * {@code SET TRANSACTION ISOLATION LEVEL ...} without SESSION applies to the next transaction only, so nothing
 * needs resetting afterwards. MariaDB's own default is REPEATABLE READ.
 */
final class MariaDbIsolation implements TransactionStatements {
    static final MariaDbIsolation INSTANCE = new MariaDbIsolation();

    private MariaDbIsolation() {}

    @Override
    public List<String> beforeBegin(String level) {
        return List.of("SET TRANSACTION ISOLATION LEVEL " + IsolationLevels.requireStandard(level));
    }

    @Override
    public List<String> afterEnd(String level) {
        return List.of();
    }
}
