package dev.braid.dialect;

/** Keys come back from the INSERT that generates them; nothing is allocated ahead. */
final class ReturnedByInsert implements KeyAllocation {
    static final ReturnedByInsert INSTANCE = new ReturnedByInsert();

    private ReturnedByInsert() {}

    @Override
    public Timing timing() {
        return Timing.RETURNED_BY_INSERT;
    }

    @Override
    public void allocate(String table, String column, int count, SqlWriter out) {
        throw dev.braid.core.internal.util.Require.bug("Keys of " + table + "." + column + " come back from the INSERT;"
                + " none are allocated ahead");
    }
}
