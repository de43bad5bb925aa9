package dev.braid.core.internal.plan.raw;

import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.hydrate.RowView;
import dev.braid.core.internal.meta.Boxing;
import dev.braid.core.internal.meta.Names;
import dev.braid.core.internal.meta.ValueType;
import dev.braid.core.internal.meta.ValueTypes;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Raw SQL rows as records that are not mapped: each component takes the column of its name, or of its
 * name in snake_case ({@code authorName} from {@code author_name}), ignoring case; every component needs
 * a column and every column a component. Values are converted as for mapped attributes (enums by name,
 * {@code Instant} from a timestamp with time zone); other component types are asked of the driver as
 * they are. The results are plain values: the session does not track them.
 *
 * @param type        the record class
 * @param components  its components, in constructor order
 * @param constructor the canonical constructor, taking an {@code Object[]} of the components' values
 */
public record RecordColumns(Class<?> type, RecordComponent[] components, MethodHandle constructor) implements RawTarget {

    static RecordColumns of(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) parameterTypes[i] = components[i].getType();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class, parameterTypes))
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new RecordColumns(type, components, constructor);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "mapTo(" + type.getSimpleName() + ".class): Braid cannot"
                    + " call the record's constructor (" + e.getMessage() + "). Fix: in a named module, open "
                    + type.getPackageName() + " to dev.braid.core", e);
        }
    }

    @Override
    public Function<RowView, Object> reader(List<String> columns, EntityHydrator hydrator, String statement) {
        int n = components.length;
        int[] positions = new int[n];
        ValueType[] types = new ValueType[n];
        Class<?>[] driverTypes = new Class<?>[n];
        List<String> missing = new ArrayList<>();
        boolean[] used = new boolean[columns.size()];
        for (int i = 0; i < n; i++) {
            String name = components[i].getName();
            int index = RawTarget.indexOf(columns, name);
            if (index == -1 && !Names.snakeCase(name).equals(name)) index = RawTarget.indexOf(columns, Names.snakeCase(name));
            if (index == -2) {
                throw new MapperException(ErrorCode.BRAID_QUERY, "The result of " + statement + " has two columns"
                        + " named " + name + ", so " + component(i) + " is ambiguous. Fix: alias one of them");
            }
            if (index < 0) {
                missing.add(component(i));
                continue;
            }
            positions[i] = index;
            used[index] = true;
            Class<?> boxed = Boxing.boxed(components[i].getType());
            types[i] = ValueTypes.forClass(boxed).orElse(null);
            driverTypes[i] = types[i] == null ? boxed : types[i].databaseClass();
        }
        for (int c = 0; c < columns.size(); c++) {
            if (!used[c]) {
                throw new MapperException(ErrorCode.BRAID_QUERY, "The result of " + statement + " has column "
                        + columns.get(c) + ", which maps to no component of " + type.getSimpleName() + " "
                        + componentNames() + ". Fix: remove it from the select list, alias it to a component's name,"
                        + " or add a component for it");
            }
        }
        if (!missing.isEmpty()) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "The result of " + statement + " has no column for "
                    + missing + " (its columns: " + columns + "). Fix: select a column named like each component"
                    + " (or its snake_case form), aliasing with AS where needed");
        }
        return row -> {
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                Object value = row.get(positions[i], driverTypes[i]);
                if (value == null && components[i].getType().isPrimitive()) {
                    throw new MapperException(ErrorCode.BRAID_CONVERSION, component(i) + " is a primitive "
                            + components[i].getType() + " but column " + columns.get(positions[i]) + " of " + statement
                            + " holds NULL. Fix: use the wrapper type, or COALESCE the column");
                }
                values[i] = types[i] == null ? value : types[i].fromDatabase(value);
            }
            try {
                return (Object) constructor.invokeExact(values);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new MapperException(ErrorCode.BRAID_CONVERSION, "The constructor of " + type.getSimpleName()
                        + " failed: " + e.getMessage(), e);
            }
        };
    }

    private String component(int i) {
        return type.getSimpleName() + "." + components[i].getName();
    }

    private List<String> componentNames() {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : components) names.add(c.getName());
        return names;
    }
}
