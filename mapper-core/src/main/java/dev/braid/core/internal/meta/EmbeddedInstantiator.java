package dev.braid.core.internal.meta;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates an entity with embedded values from the Java values of all its columns: the entity from its own
 * columns, then each value once from its components' values (null when they are all null) and stored in its
 * field; one constructor call per value rather than one per component.
 */
final class EmbeddedInstantiator extends Instantiator {
    /** One embedded value: its field, type, and per component the column index and the component index. */
    private record Group(PropertyAccess owner, EmbeddedType type, int[] columns, int[] components) { }

    private final Instantiator plain;
    private final List<ColumnMapping> plainColumns;
    private final int[] plainIndexes;
    private final Group[] groups;

    private EmbeddedInstantiator(Instantiator plain, List<ColumnMapping> plainColumns, Group[] groups) {
        this.plain = plain;
        this.plainColumns = List.copyOf(plainColumns);
        this.plainIndexes = plainColumns.stream().mapToInt(ColumnMapping::index).toArray();
        this.groups = groups;
    }

    /** The instantiator of a class whose {@code columns} include embedded components. */
    static Instantiator of(Class<?> type, List<ColumnMapping> columns) throws ReflectiveOperationException {
        List<ColumnMapping> own = new ArrayList<>();
        Map<PropertyAccess, List<ColumnMapping>> byOwner = new IdentityHashMap<>();
        List<PropertyAccess> order = new ArrayList<>();
        for (ColumnMapping c : columns) {
            if (c.access() instanceof EmbeddedComponentAccess a) {
                byOwner.computeIfAbsent(a.owner(), o -> { order.add(o); return new ArrayList<>(); }).add(c);
            } else {
                own.add(c);
            }
        }
        Group[] groups = new Group[order.size()];
        for (int g = 0; g < groups.length; g++) {
            List<ColumnMapping> components = byOwner.get(order.get(g));
            EmbeddedComponentAccess first = (EmbeddedComponentAccess) components.get(0).access();
            groups[g] = new Group(order.get(g), first.type(),
                    components.stream().mapToInt(ColumnMapping::index).toArray(),
                    components.stream().mapToInt(c -> ((EmbeddedComponentAccess) c.access()).component()).toArray());
        }
        return new EmbeddedInstantiator(Instantiator.forClass(type, null, own), own, groups);
    }

    @Override
    public Object create(List<ColumnMapping> columns, Object[] values) {
        Object[] own = new Object[plainIndexes.length];
        for (int i = 0; i < own.length; i++) own[i] = values[plainIndexes[i]];
        Object instance = plain.create(plainColumns, own);
        for (Group g : groups) {
            g.owner().set(instance, g.type().create(values, g.columns(), g.components()));
        }
        return instance;
    }
}
