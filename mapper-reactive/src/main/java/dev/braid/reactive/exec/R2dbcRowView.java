package dev.braid.reactive.exec;

import dev.braid.core.hydrate.RowView;
import io.r2dbc.spi.Row;

/** Adapts an R2DBC row to core's driver-neutral row view. Valid only inside the mapping callback. */
final class R2dbcRowView implements RowView {
    private final Row row;

    R2dbcRowView(Row row) {
        this.row = row;
    }

    @Override
    public <V> V get(int index, Class<V> type) {
        return row.get(index, type);
    }
}
