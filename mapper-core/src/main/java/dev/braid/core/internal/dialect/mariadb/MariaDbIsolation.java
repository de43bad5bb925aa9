package dev.braid.core.internal.dialect.mariadb;

import dev.braid.dialect.IsolationLevels;
import dev.braid.dialect.TransactionStatements;

import java.util.List;

/**
 * {@code SET SESSION TRANSACTION ISOLATION LEVEL ...} before BEGIN and back to READ COMMITTED afterwards, as on H2.
 * The session level is what MariaDB reports ({@code information_schema.session_variables}), so the level in force can
 * be checked; the one-shot {@code SET TRANSACTION ...} form would be invisible. Braid's sessions assume READ COMMITTED,
 * PostgreSQL's and H2's default: MariaDB's own default is REPEATABLE READ, so configure the pool's connections with
 * {@code isolationLevel=READ-COMMITTED} (or the server with {@code transaction-isolation = READ-COMMITTED}).
 */
final class MariaDbIsolation implements TransactionStatements {
    static final MariaDbIsolation INSTANCE = new MariaDbIsolation();

    private static final String SET_ISOLATION = "SET SESSION TRANSACTION ISOLATION LEVEL ";

    private MariaDbIsolation() {}

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
