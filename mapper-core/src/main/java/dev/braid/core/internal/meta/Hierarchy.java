package dev.braid.core.internal.meta;

import dev.braid.annotation.InheritanceStrategy;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The frozen classes of one inheritance hierarchy (SQLAlchemy's polymorphic mapping): the base, every
 * registered subclass, and the discriminator value of each concrete class. Every class of the hierarchy
 * shares the base's {@link EntityMapping} (and so its identity keys): {@code get(Employee.class, 1)} and
 * {@code get(Engineer.class, 1)} are the same object.
 */
public final class Hierarchy {
    private final Class<?> base;
    private final InheritanceStrategy strategy;
    private final String table;
    private final String discriminatorColumn;
    private final Map<String, Class<?>> classByValue;
    private final Map<Class<?>, String> valueByClass;
    private final Set<Class<?>> classes;

    Hierarchy(Class<?> base, InheritanceStrategy strategy, String table, String discriminatorColumn,
              Map<Class<?>, String> valueByClass, Set<Class<?>> classes) {
        this.base = base;
        this.strategy = strategy;
        this.table = table;
        this.discriminatorColumn = discriminatorColumn;
        this.valueByClass = Collections.unmodifiableMap(new LinkedHashMap<>(valueByClass));
        Map<String, Class<?>> byValue = new LinkedHashMap<>();
        valueByClass.forEach((type, value) -> byValue.put(value, type));
        this.classByValue = Collections.unmodifiableMap(byValue);
        this.classes = Set.copyOf(classes);
    }

    /** The base class: the type of every identity key of the hierarchy. */
    public Class<?> base() { return base; }

    /** How the hierarchy is stored. */
    public InheritanceStrategy strategy() { return strategy; }

    /** The discriminator column of the base table. */
    public String discriminatorColumn() { return discriminatorColumn; }

    /** Every registered class of the hierarchy, the base included. */
    public Set<Class<?>> classes() { return classes; }

    /** The discriminator value of each concrete class, in registration order. */
    public Map<Class<?>, String> values() { return valueByClass; }

    /**
     * The discriminator values of {@code type} and of its subclasses: what a query for {@code type} filters
     * on. Every value for the base (no filter needed).
     */
    public List<String> valuesUnder(Class<?> type) {
        List<String> out = new ArrayList<>();
        valueByClass.forEach((c, v) -> {
            if (type.isAssignableFrom(c)) out.add(v);
        });
        return out;
    }

    /** The value stored for an object of {@code type}, or an error naming the class and the fix. */
    public String valueOf(Class<?> type) {
        String value = valueByClass.get(type);
        if (value == null) {
            throw new MapperException(ErrorCode.BRAID_UNMAPPED, type.getName() + " is in the inheritance hierarchy of "
                    + base.getSimpleName() + " but is not one of its mapped concrete classes " + valueByClass.keySet().stream()
                    .map(Class::getSimpleName).toList() + ". Fix: annotate it with @Entity (and @DiscriminatorValue) and"
                    + " register it with MappingRegistry.builder().entity(" + type.getSimpleName() + ".class)");
        }
        return value;
    }

    /** The class of a row whose discriminator column holds {@code value}, or an error naming the value and table. */
    public Class<?> classFor(Object value) {
        Class<?> type = value == null ? null : classByValue.get(value.toString());
        if (type == null) {
            throw new MapperException(ErrorCode.BRAID_CONVERSION, "A row of table " + table + " has "
                    + discriminatorColumn + " = " + (value == null ? "NULL" : "'" + value + "'") + ", which no class of "
                    + base.getSimpleName() + "'s hierarchy maps (mapped values: " + classByValue.keySet() + ")."
                    + " Fix: map a class with @DiscriminatorValue(\"" + value + "\") or correct the row");
        }
        return type;
    }

    // Where a joined-table hierarchy's columns live; null for a single-table hierarchy.
    private JoinedTables joined;

    /** Called once by the configure step for a joined-table hierarchy. */
    void joined(JoinedTables joined) {
        this.joined = joined;
    }

    /** The subclass tables of a joined-table hierarchy, or null for a single-table hierarchy. */
    public JoinedTables joined() { return joined; }

    @Override
    public String toString() { return base.getSimpleName() + " " + strategy + " " + valueByClass; }
}
