package dev.braid.reactive;

import dev.braid.core.internal.hydrate.RowView;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.List;

/**
 * The {@link ResultRow} a raw SQL mapping function sees: one per result, pointed at each row in turn
 * (rows arrive one after another); the column names are read once, when first asked for.
 */
final class DefaultResultRow implements ResultRow {
    private final String statement;
    private RowView row;
    private List<String> columns;

    DefaultResultRow(String statement) {
        this.statement = statement;
    }

    DefaultResultRow at(RowView row) {
        this.row = row;
        return this;
    }

    @Override
    public <V> V get(int index, Class<V> type) {
        List<String> names = columns();
        if (index < 0 || index >= names.size()) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "get(" + index + ", ...): the result of " + statement
                    + " has " + names.size() + " column(s) " + names + ", indexes 0 to " + (names.size() - 1));
        }
        return row.get(index, type);
    }

    @Override
    public <V> V get(String column, Class<V> type) {
        List<String> names = columns();
        int found = -1;
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equalsIgnoreCase(column)) continue;
            if (found >= 0) {
                throw new MapperException(ErrorCode.BRAID_QUERY, "get(\"" + column + "\", ...): the result of "
                        + statement + " has two columns named " + column + ". Fix: alias one of them, or read by index");
            }
            found = i;
        }
        if (found < 0) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "get(\"" + column + "\", ...): the result of " + statement
                    + " has no column " + column + "; its columns: " + names + ". Fix: select it, or correct the name");
        }
        return row.get(found, type);
    }

    @Override
    public List<String> columns() {
        if (columns == null) columns = row.columnNames();
        return columns;
    }
}
