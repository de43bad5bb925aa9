package dev.braid.core.internal.plan.raw;

import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.hydrate.RowView;
import dev.braid.core.internal.meta.ValueType;
import dev.braid.core.internal.meta.ValueTypes;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.List;
import java.util.function.Function;

/**
 * Raw SQL rows of one column as its values ({@code mapTo(Long.class)} for {@code SELECT count(*) ...}),
 * converted as mapped attributes are (enums by name, {@code Instant} from a timestamp with time zone).
 * A NULL value is refused: a {@code Flux} cannot hold null.
 *
 * @param type the (boxed) value type
 */
public record ScalarColumn(Class<?> type) implements RawTarget {

    @Override
    public Function<RowView, Object> reader(List<String> columns, EntityHydrator hydrator, String statement) {
        if (columns.size() != 1) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "mapTo(" + type.getSimpleName() + ".class) reads one"
                    + " column, but the result of " + statement + " has " + columns.size() + ": " + columns
                    + ". Fix: select one column, or map the row to a record (mapTo(SomeRecord.class))");
        }
        ValueType valueType = ValueTypes.forClass(type).orElse(null);
        Class<?> driverType = valueType == null ? type : valueType.databaseClass();
        return row -> {
            Object value = row.get(0, driverType);
            if (value == null) {
                throw new MapperException(ErrorCode.BRAID_QUERY, "Column " + columns.get(0) + " of " + statement
                        + " is NULL in a row, and a stream of " + type.getSimpleName() + " cannot hold null. Fix:"
                        + " COALESCE it or filter the NULL rows out, or use map(row -> Optional.ofNullable(...))");
            }
            return valueType == null ? value : valueType.fromDatabase(value);
        };
    }
}
