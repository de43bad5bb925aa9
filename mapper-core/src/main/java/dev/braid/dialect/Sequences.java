package dev.braid.dialect;

/**
 * Database sequences: the DDL creating and dropping them, and the statement drawing the next value
 * (one row, one {@code bigint} column). The standard forms ({@link #standard()}) serve H2 and MariaDB;
 * PostgreSQL draws with {@code nextval}.
 */
public interface Sequences {

    /**
     * Writes {@code CREATE SEQUENCE [IF NOT EXISTS] name START WITH 1 INCREMENT BY increment}.
     *
     * @param name        the sequence
     * @param increment   the increment (the key block size of pooled allocation)
     * @param ifNotExists whether an existing sequence is left alone
     * @param out         where the statement is written
     */
    default void create(String name, int increment, boolean ifNotExists, SqlWriter out) {
        out.append("CREATE SEQUENCE ").append(ifNotExists ? "IF NOT EXISTS " : "").identifier(name)
                .append(" START WITH 1 INCREMENT BY ").append(Integer.toString(increment));
    }

    /**
     * Writes {@code DROP SEQUENCE [IF EXISTS] name}.
     *
     * @param name     the sequence
     * @param ifExists whether a missing sequence is fine
     * @param out      where the statement is written
     */
    default void drop(String name, boolean ifExists, SqlWriter out) {
        out.append("DROP SEQUENCE ").append(ifExists ? "IF EXISTS " : "").identifier(name);
    }

    /**
     * Writes the query returning the sequence's next value as one row with one column.
     *
     * @param name the sequence
     * @param out  where the statement is written
     */
    void nextValue(String name, SqlWriter out);

    /**
     * The SQL standard's forms: {@code SELECT NEXT VALUE FOR name}.
     *
     * @return the shared instance
     */
    static Sequences standard() {
        return StandardSequences.INSTANCE;
    }
}
