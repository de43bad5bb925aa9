package dev.braid.core.internal.dialect.postgresql;

import dev.braid.dialect.InLists;
import dev.braid.dialect.SqlWriter;

import java.util.Optional;

/**
 * Every list is one array bind, {@code x = ANY($1)}: the statement text does not change with the number
 * of values (one prepared plan) and there is no parameter limit.
 */
final class PostgresInLists implements InLists {
    static final PostgresInLists INSTANCE = new PostgresInLists();

    private PostgresInLists() {}

    @Override
    public int arrayThreshold() { return 0; }

    @Override
    public int maxArrayLength() { return Integer.MAX_VALUE; }

    @Override
    public void equalsAnyOf(Object[] array, SqlWriter out) {
        out.append(" = ANY(").bind(array, array.getClass()).append(')');
    }

    @Override
    public Optional<KeyTable> keyTable() { return Optional.empty(); }
}
