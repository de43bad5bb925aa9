package dev.braid.reactive.internal.exec;

import dev.braid.core.internal.hydrate.RowView;
import dev.braid.dialect.ValueAdapter;
import io.r2dbc.spi.Row;

/**
 * Adapts an R2DBC row to core's driver-neutral row view. Valid only inside the mapping callback: one
 * view per statement is pointed at each row in turn (rows arrive one after another), so reading a
 * large result allocates no view per row.
 */
final class R2dbcRowView implements RowView {
    private final ValueAdapter values;
    private Row row;

    /** @param values the dialect's conversions of values its driver reads in another class */
    R2dbcRowView(ValueAdapter values) {
        this.values = values;
    }

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
        Class<?> driverClass = values.driverClass(type);
        if (driverClass != type) {
            Object value = row.get(index, driverClass);
            return value == null ? null : type.cast(values.fromDriver(value, type));
        }
        return row.get(index, type);
    }

    @Override
    public java.util.List<String> columnNames() {
        return row.getMetadata().getColumnMetadatas().stream().map(io.r2dbc.spi.ColumnMetadata::getName).toList();
    }
}
