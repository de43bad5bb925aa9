package dev.braid.core.internal.plan.raw;

import dev.braid.annotation.Entity;
import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.hydrate.RowView;
import dev.braid.core.internal.meta.Boxing;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.ValueTypes;
import dev.braid.core.internal.util.Require;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;

import java.util.List;
import java.util.function.Function;

/**
 * What the rows of a raw SQL result become ({@code mapTo(type)}): objects of a mapped entity (through the
 * session's identity map: {@link EntityColumns}), records matched by column name ({@link RecordColumns}),
 * or the single column's values ({@link ScalarColumn}). The type is checked when {@code mapTo} is called;
 * the result's columns are checked against it on the first row, before any row becomes an object.
 */
public sealed interface RawTarget permits EntityColumns, RecordColumns, ScalarColumn {

    /**
     * The target for {@code type}.
     *
     * @throws MapperException {@code BRAID_QUERY} when rows cannot become {@code type}, {@code BRAID_UNMAPPED}
     *         for an {@code @Entity} class missing from the registry
     */
    static RawTarget of(MappingRegistry registry, Class<?> type) {
        Require.nonNull(type, "type");
        EntityMapping mapping = registry.find(type).orElse(null);
        if (mapping != null) return new EntityColumns(mapping);
        if (type.isAnnotationPresent(Entity.class)) {
            throw new MapperException(ErrorCode.BRAID_UNMAPPED, "mapTo(" + type.getSimpleName() + ".class): "
                    + type.getSimpleName() + " is an @Entity but not in this mapper's registry. Fix: add it to"
                    + " MappingRegistry.builder().entity(...)");
        }
        if (type.isRecord()) return RecordColumns.of(type);
        Class<?> boxed = Boxing.boxed(type);
        if (ValueTypes.forClass(boxed).isPresent() || boxed == Object.class || boxed == Number.class || type.isArray()) {
            return new ScalarColumn(boxed);
        }
        throw new MapperException(ErrorCode.BRAID_QUERY, "mapTo(" + type.getSimpleName() + ".class): "
                + type.getSimpleName() + " is neither a mapped entity, a record nor a column type ("
                + ValueTypes.supportedTypeNames() + "). Fix: declare a record whose components are named like"
                + " the columns, or use map(row -> ...)");
    }

    /** The Java type rows become. */
    Class<?> type();

    /**
     * How each row of a result with these columns becomes an object.
     *
     * @param columns   the result's column names, in order
     * @param hydrator  the session's hydrator (entities enter its identity map)
     * @param statement the statement, as messages quote it
     * @throws MapperException {@code BRAID_QUERY} when a column maps to nothing or a needed one is missing
     */
    Function<RowView, Object> reader(List<String> columns, EntityHydrator hydrator, String statement);

    /**
     * A row mapper that checks the result's columns on its first row (with {@link #reader}) and then reads
     * every row with what that returned. One per result: rows arrive one after another.
     */
    static Function<RowView, Object> lazyReader(RawTarget target, EntityHydrator hydrator, String statement) {
        return new Function<>() {
            private Function<RowView, Object> reader;

            @Override
            public Object apply(RowView row) {
                if (reader == null) reader = target.reader(row.columnNames(), hydrator, statement);
                return reader.apply(row);
            }
        };
    }

    /** The index of {@code name} among {@code columns} (ignoring case), -1 if absent, -2 if it is there twice. */
    static int indexOf(List<String> columns, String name) {
        int found = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(name)) {
                if (found >= 0) return -2;
                found = i;
            }
        }
        return found;
    }
}
