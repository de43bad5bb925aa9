package dev.braid.dialect;

/** How a SELECT is limited to a page of its rows. */
public interface Paging {

    /**
     * Writes the paging clause at the end of a SELECT, binding {@code limit} and {@code offset} (either
     * may be null: not given); writes nothing when both are null.
     */
    void limitOffset(Long limit, Long offset, SqlWriter out);

    /** {@code LIMIT $1 OFFSET $2}, as H2, PostgreSQL, MySQL and SQLite write it. */
    static Paging limitOffset() {
        return LimitOffsetPaging.INSTANCE;
    }
}
