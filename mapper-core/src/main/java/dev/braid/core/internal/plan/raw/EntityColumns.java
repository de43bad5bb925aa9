package dev.braid.core.internal.plan.raw;

import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.hydrate.RowView;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Raw SQL rows as objects of a mapped entity: each mapped column is found by name (ignoring case: H2
 * reports unquoted names in upper case), every one must be there and nothing else may be, and the rows
 * go through the session's hydrator, so a row whose key the session holds yields the object it holds
 * (unchanged) and any other row becomes a new tracked object (SQLAlchemy's
 * {@code select(User).from_statement(text(...))}).
 *
 * @param mapping the entity
 */
public record EntityColumns(EntityMapping mapping) implements RawTarget {

    @Override
    public Class<?> type() {
        return mapping.type();
    }

    @Override
    public Function<RowView, Object> reader(List<String> columns, EntityHydrator hydrator, String statement) {
        int[] positions = positions(columns, statement);
        PermutedRow view = new PermutedRow(positions);
        return row -> {
            Object entity = hydrator.hydrate(mapping, view.over(row), 0);
            if (entity == null) {
                throw new MapperException(ErrorCode.BRAID_QUERY, "A row of " + statement + " has NULL in the key of "
                        + mapping.name() + " (" + keyColumns() + "), so it is no " + mapping.name()
                        + ". Fix: leave such rows out (e.g. an inner join instead of an outer one)");
            }
            return entity;
        };
    }

    /** For each mapped column in mapping order, its index in the result. */
    int[] positions(List<String> columns, String statement) {
        List<ColumnMapping> mapped = mapping.columns();
        int[] positions = new int[mapped.size()];
        List<String> missing = new ArrayList<>();
        for (ColumnMapping c : mapped) {
            int index = RawTarget.indexOf(columns, c.column());
            if (index == -2) {
                throw new MapperException(ErrorCode.BRAID_QUERY, "The result of " + statement + " has column "
                        + c.column() + " twice, so " + c.qualifiedName() + " is ambiguous. Fix: select it once"
                        + " (alias the other, or select only " + mapping.table() + "'s columns)");
            }
            if (index < 0) missing.add(c.qualifiedName() + " (column " + c.column() + ")");
            positions[c.index()] = index;
        }
        for (String column : columns) {
            if (mapping.columns().stream().noneMatch(c -> c.column().equalsIgnoreCase(column))) {
                throw new MapperException(ErrorCode.BRAID_QUERY, "The result of " + statement + " has column "
                        + column + ", which maps to nothing in " + mapping.name() + " (its columns: "
                        + columnNames() + "). Fix: select only " + mapping.table() + "'s columns, alias it to a mapped"
                        + " column, or read other columns with mapTo(SomeRecord.class) or map(row -> ...)");
            }
        }
        if (!missing.isEmpty()) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "The result of " + statement + " lacks " + missing
                    + ": an object of " + mapping.name() + " needs every mapped column. Fix: select them all (e.g. "
                    + mapping.table() + ".*), or read part of a row with mapTo(SomeRecord.class)");
        }
        return positions;
    }

    private List<String> columnNames() {
        return mapping.columns().stream().map(ColumnMapping::column).toList();
    }

    private String keyColumns() {
        return String.join(", ", mapping.idColumns().stream().map(ColumnMapping::column).toList());
    }

    /** A row view reading the mapping's column {@code i} from result column {@code positions[i]}. */
    private static final class PermutedRow implements RowView {
        private final int[] positions;
        private RowView row;

        PermutedRow(int[] positions) {
            this.positions = positions;
        }

        PermutedRow over(RowView row) {
            this.row = row;
            return this;
        }

        @Override
        public <V> V get(int index, Class<V> type) {
            return row.get(positions[index], type);
        }
    }
}
