package dev.braid.reactive.internal.exec;

import dev.braid.core.internal.hydrate.RowView;
import io.r2dbc.spi.Row;

/**
 * Adapts an R2DBC row to core's driver-neutral row view. Valid only inside the mapping callback: one
 * view per statement is pointed at each row in turn (rows arrive one after another), so reading a
 * large result allocates no view per row.
 */
final class R2dbcRowView implements RowView {
    private Row row;

    R2dbcRowView at(Row row) {
        this.row = row;
        return this;
    }

    @Override
    public <V> V get(int index, Class<V> type) {
        if (type.isArray() && type != byte[].class) {
            return DriverValues.array(row.get(index), type); // H2 answers arrays as Object[] only
        }
        if (type == String.class) {
            try {
                return row.get(index, type);
            } catch (RuntimeException e) {
                return DriverValues.text(row.get(index), type, e); // H2 answers JSON as its UTF-8 bytes only
            }
        }
        return row.get(index, type);
    }

    @Override
    public java.util.List<String> columnNames() {
        return row.getMetadata().getColumnMetadatas().stream().map(io.r2dbc.spi.ColumnMetadata::getName).toList();
    }
}
