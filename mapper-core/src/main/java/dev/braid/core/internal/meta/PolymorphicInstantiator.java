package dev.braid.core.internal.meta;

import java.util.List;
import java.util.Map;

/**
 * Creates the object of a hierarchy's row as the class its discriminator value names, setting the columns
 * that class has (the other classes' columns are skipped by their {@link SubclassFieldAccess}).
 */
final class PolymorphicInstantiator extends Instantiator {
    private final Hierarchy hierarchy;
    private final int discriminatorIndex;
    private final Map<Class<?>, Instantiator> byClass;

    PolymorphicInstantiator(Hierarchy hierarchy, int discriminatorIndex, Map<Class<?>, Instantiator> byClass) {
        this.hierarchy = hierarchy;
        this.discriminatorIndex = discriminatorIndex;
        this.byClass = Map.copyOf(byClass);
    }

    @Override
    public Object create(List<ColumnMapping> columns, Object[] values) {
        return byClass.get(hierarchy.classFor(values[discriminatorIndex])).create(columns, values);
    }
}
