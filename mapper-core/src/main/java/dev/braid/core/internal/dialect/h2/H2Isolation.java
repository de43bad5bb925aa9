package dev.braid.core.internal.dialect.h2;

import dev.braid.dialect.IsolationLevels;
import dev.braid.dialect.TransactionStatements;

import java.util.List;

/**
 * r2dbc-h2 turns an isolation level into SET LOCK_MODE, which H2 2.x ignores; the session
 * characteristic is what H2 honours, and it outlives the transaction, hence the reset afterwards.
 */
final class H2Isolation implements TransactionStatements {
    static final H2Isolation INSTANCE = new H2Isolation();

    private static final String SET_ISOLATION = "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL ";

    private H2Isolation() {}

    @Override
    public List<String> beforeBegin(String level) {
        return List.of(SET_ISOLATION + IsolationLevels.requireStandard(level));
    }

    @Override
    public List<String> afterEnd(String level) {
        return IsolationLevels.DEFAULT.equals(IsolationLevels.requireStandard(level)) ? List.of()
                : List.of(SET_ISOLATION + IsolationLevels.DEFAULT);
    }
}
