package dev.braid.dialect;

/** {@code ... LIMIT $n OFFSET $m}: the paging of H2 and PostgreSQL (and MySQL, MariaDB, SQLite). */
final class LimitOffsetPaging implements Paging {
    static final LimitOffsetPaging INSTANCE = new LimitOffsetPaging();

    private LimitOffsetPaging() {}

    @Override
    public void limitOffset(Long limit, Long offset, SqlWriter out) {
        if (limit != null) {
            out.append(" LIMIT ").bind(limit, Long.class);
        }
        if (offset != null) {
            out.append(" OFFSET ").bind(offset, Long.class);
        }
    }
}
