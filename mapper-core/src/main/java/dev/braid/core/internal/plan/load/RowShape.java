package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.meta.Boxing;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.query.CommonTable;
import dev.braid.query.EntitySelection;
import dev.braid.query.Labeled;
import dev.braid.query.ProjectionQuery;
import dev.braid.query.Selection;
import dev.braid.query.Tuple;
import dev.braid.query.Tuple2;
import dev.braid.query.Tuple3;
import dev.braid.query.Tuple4;
import dev.braid.query.Tuple5;
import dev.braid.query.Tuple6;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a projection row's values (one per selection, in order) into its result: the value itself, a
 * tuple, or a record of the caller's. A record's components are matched by name when every component
 * is named like a selection (an attribute's name, a label, an entity's class name in lower camel case),
 * else by position; each component's type must hold its value's type. Checked when the query is
 * planned, so a mismatch fails before anything is sent.
 */
@FunctionalInterface
public interface RowShape {

    /** The result for one row's values (the array is not kept). */
    Object make(Object[] values);

    /** The shape of {@code query}'s rows. */
    static RowShape of(ProjectionQuery<?> query) {
        List<Selection<?>> selections = query.selections();
        return switch (query.shape()) {
            case VALUE -> values -> values[0];
            case ROW -> values -> new Tuple(selections, values.clone());
            case TUPLE -> switch (selections.size()) {
                case 2 -> v -> new Tuple2<>(v[0], v[1]);
                case 3 -> v -> new Tuple3<>(v[0], v[1], v[2]);
                case 4 -> v -> new Tuple4<>(v[0], v[1], v[2], v[3]);
                case 5 -> v -> new Tuple5<>(v[0], v[1], v[2], v[3], v[4]);
                case 6 -> v -> new Tuple6<>(v[0], v[1], v[2], v[3], v[4], v[5]);
                default -> throw dev.braid.core.internal.util.Require.bug("A typed tuple of " + selections.size());
            };
            case RECORD -> record(query.recordType(), selections, query.valueTypes());
        };
    }

    private static RowShape record(Class<?> type, List<Selection<?>> selections, List<Class<?>> valueTypes) {
        RecordComponent[] components = type.getRecordComponents();
        String name = "into(" + type.getSimpleName() + ".class)";
        if (components.length != selections.size()) {
            throw new MapperException(ErrorCode.BRAID_QUERY, name + ": " + type.getSimpleName() + " has "
                    + components.length + " components " + componentNames(components) + " but the query selects "
                    + selections.size() + " values " + selections + ". Fix: declare one component per selected value");
        }
        int[] source = byName(components, selections);
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
            Class<?> valueType = valueTypes.get(source[i]);
            if (!Boxing.boxed(parameterTypes[i]).isAssignableFrom(Boxing.boxed(valueType))) {
                throw new MapperException(ErrorCode.BRAID_QUERY, name + ": component " + components[i].getName()
                        + " is " + parameterTypes[i].getSimpleName() + " but the value selected for it, "
                        + selections.get(source[i]) + ", is " + valueType.getSimpleName() + ". Fix: declare "
                        + components[i].getName() + " as " + valueType.getSimpleName()
                        + (source[i] == i ? "" : " (components are matched by name)"));
            }
        }
        MethodHandle constructor = constructor(type, parameterTypes).asSpreader(Object[].class, parameterTypes.length)
                .asType(MethodType.methodType(Object.class, Object[].class));
        return values -> {
            Object[] arguments = new Object[source.length];
            for (int i = 0; i < source.length; i++) {
                arguments[i] = values[source[i]];
                if (arguments[i] == null && parameterTypes[i].isPrimitive()) {
                    throw new MapperException(ErrorCode.BRAID_CONVERSION, name + ": component " + components[i].getName()
                            + " is a primitive " + parameterTypes[i] + " but " + selections.get(source[i])
                            + " is NULL in this row. Fix: declare it as " + Boxing.boxed(parameterTypes[i]).getSimpleName());
                }
            }
            try {
                return (Object) constructor.invokeExact(arguments);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new MapperException(ErrorCode.BRAID_INSTANTIATION, type.getName() + "'s constructor threw " + e, e);
            }
        };
    }

    /** Component i's selection: by name when all names match distinct selections, else by position. */
    private static int[] byName(RecordComponent[] components, List<Selection<?>> selections) {
        int[] source = new int[components.length];
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < components.length; i++) {
            int found = -1;
            for (int j = 0; j < selections.size() && found < 0; j++) {
                if (!used.contains(j) && components[i].getName().equals(nameOf(selections.get(j)))) found = j;
            }
            if (found < 0) {
                for (int k = 0; k < source.length; k++) source[k] = k;
                return source;
            }
            used.add(found);
            source[i] = found;
        }
        return source;
    }

    private static String nameOf(Selection<?> s) {
        if (s instanceof Labeled<?> l) return l.label();
        if (s instanceof dev.braid.query.Attribute<?, ?> a) return a.name();
        if (s instanceof EntitySelection<?> e) {
            String simple = e.entityType().getSimpleName();
            return simple.substring(0, 1).toLowerCase(Locale.ROOT) + simple.substring(1);
        }
        if (s instanceof CommonTable.Column<?> c) return nameOf(c.selected());
        return null;
    }

    private static List<String> componentNames(RecordComponent[] components) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : components) names.add(c.getName());
        return names;
    }

    private static MethodHandle constructor(Class<?> type, Class<?>[] parameterTypes) {
        MethodType signature = MethodType.methodType(void.class, parameterTypes);
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup()).findConstructor(type, signature);
        } catch (ReflectiveOperationException | IllegalAccessError | SecurityException e) {
            try {
                return MethodHandles.publicLookup().findConstructor(type, signature);
            } catch (ReflectiveOperationException second) {
                throw new MapperException(ErrorCode.BRAID_INSTANTIATION, "Cannot call " + type.getName()
                        + "'s canonical constructor: " + e.getMessage() + ". Fix: make the record public, or open its"
                        + " package to dev.braid.core", e);
            }
        }
    }
}
