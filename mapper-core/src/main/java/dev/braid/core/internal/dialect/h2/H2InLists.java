package dev.braid.core.internal.dialect.h2;

import dev.braid.dialect.InLists;
import dev.braid.dialect.SqlWriter;

import java.util.Optional;

/**
 * H2 evaluates {@code = ANY(array)} by scanning the array for every row and cannot use an index for it,
 * so IN lists with one marker per value are the faster form there for filters. Long lists are bound as
 * one array all the same: past ~500 values {@code = ANY($1)} is as fast as markers and then faster
 * (H2InListBenchmark: 500 keys 11.8 vs 12.5 ms, 1,000 keys 26 vs 36 ms, 5,000 keys 385 vs 676 ms), its
 * text does not grow with the list, and it is not limited by H2's 100,000 parameters. For selectin
 * queries a join on {@code TABLE(k type = array)} beats both: one marker, an index lookup per key, and
 * ~3x less time than IN lists (10,000 authors' books: 64 vs 190 ms, H2 2.4, results not reused).
 */
final class H2InLists implements InLists {
    static final H2InLists INSTANCE = new H2InLists();

    private static final Optional<KeyTable> KEY_TABLE = Optional.of(H2InLists::keyTable);

    private H2InLists() {}

    @Override
    public int arrayThreshold() { return 500; }

    // H2 refuses longer arrays ("Value too long for column ARRAY": its maximum cardinality).
    @Override
    public int maxArrayLength() { return 65_536; }

    @Override
    public void equalsAnyOf(Object[] array, SqlWriter out) {
        out.append(" = ANY(").bind(array, array.getClass()).append(')');
    }

    @Override
    public Optional<KeyTable> keyTable() { return KEY_TABLE; }

    /** {@code TABLE(k bigint = $1) braid_keys}. */
    private static void keyTable(String column, String sqlType, Object values, String alias, SqlWriter out) {
        out.append("TABLE(").identifier(column).append(' ').append(sqlType).append(" = ")
                .bind(values, values.getClass()).append(") ").identifier(alias);
    }
}
