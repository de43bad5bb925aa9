package dev.braid.dialect;

import org.jspecify.annotations.Nullable;

/** How a SELECT is limited to a page of its rows. */
public interface Paging {

    /**
     * Writes the paging clause at the end of a SELECT, binding {@code limit} and {@code offset} (either
     * may be null: not given); writes nothing when both are null.
     *
     * @param limit  the most rows to return, or null for no limit
     * @param offset the rows to skip, or null for none
     * @param out    where the clause is written
     */
    void limitOffset(@Nullable Long limit, @Nullable Long offset, SqlWriter out);

    /**
     * {@code LIMIT $1 OFFSET $2}, as H2, PostgreSQL, MySQL and SQLite write it.
     *
     * @return the shared LIMIT/OFFSET paging
     */
    static Paging limitOffset() {
        return LimitOffsetPaging.INSTANCE;
    }
}
