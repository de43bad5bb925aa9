package dev.braid.dialect;

/**
 * How a generated (identity) key reaches its object: returned by the INSERT itself (see
 * {@link Returning}), or allocated ahead of a many-row INSERT by one statement, so that each object
 * gets its key by position and the INSERT need not return anything.
 */
public interface KeyAllocation {

    /** When the keys are known. */
    enum Timing {
        /** The INSERT returns them ({@code RETURNING}, {@code FINAL TABLE}). */
        RETURNED_BY_INSERT,
        /** {@link #allocate} draws them from the identity's sequence before the INSERT. */
        ALLOCATED_AHEAD
    }

    /**
     * When this database's keys are known.
     *
     * @return the timing
     */
    Timing timing();

    /**
     * Writes the statement allocating {@code count} keys of the identity column {@code column} of
     * {@code table}: one row with one column, an array of the {@code count} new keys.
     *
     * @param table  the table whose identity column draws the keys
     * @param column the identity column
     * @param count  how many keys to allocate
     * @param out    where the statement is written
     * @throws dev.braid.error.MapperException {@code BRAID_INTERNAL} when keys are not {@link Timing#ALLOCATED_AHEAD}
     */
    void allocate(String table, String column, int count, SqlWriter out);

    /**
     * Keys come back from the INSERT; nothing is allocated ahead.
     *
     * @return the shared instance
     */
    static KeyAllocation returnedByInsert() {
        return ReturnedByInsert.INSTANCE;
    }
}
