package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.hydrate.RowView;

/** Hand-made result rows for tests without a database: values by column index, already driver values. */
final class Rows {
    private Rows() {}

    static RowView of(Object... values) {
        return new RowView() {
            @Override
            public <V> V get(int index, Class<V> type) {
                return type.cast(values[index]);
            }
        };
    }
}
