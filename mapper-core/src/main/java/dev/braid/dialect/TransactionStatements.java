package dev.braid.dialect;

import java.util.List;

/** The statements that run a transaction at an isolation level, where BEGIN cannot carry it. */
public interface TransactionStatements {

    /**
     * Statements that make the next transaction on a connection run at {@code level} (an SQL isolation
     * level: READ UNCOMMITTED, READ COMMITTED, REPEATABLE READ or SERIALIZABLE), sent before BEGIN.
     * Empty when BEGIN itself carries the level (PostgreSQL's {@code BEGIN ISOLATION LEVEL ...}).
     *
     * @param level the SQL isolation level name
     * @return the statements to send before BEGIN, possibly none
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} for any other level name (it becomes SQL text)
     */
    List<String> beforeBegin(String level);

    /**
     * Statements that put a connection back to the database's default level after a transaction that
     * ran at {@code level}, so that the connection's next user (pools reuse connections) does not
     * inherit it. Empty when the level ended with the transaction.
     *
     * @param level the SQL isolation level name the transaction ran at
     * @return the statements to send after COMMIT or ROLLBACK, possibly none
     */
    List<String> afterEnd(String level);

    /**
     * BEGIN carries the level (the driver writes {@code BEGIN ISOLATION LEVEL ...}); nothing to send.
     *
     * @return the shared instance
     */
    static TransactionStatements levelWithBegin() {
        return LevelWithBegin.INSTANCE;
    }
}
