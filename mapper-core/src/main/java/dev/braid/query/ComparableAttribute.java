package dev.braid.query;

/** An attribute whose values have an order: numbers, dates, times, strings, UUIDs, enums. */
public class ComparableAttribute<E, V extends Comparable<? super V>> extends Attribute<E, V> {

    ComparableAttribute(Class<E> entityType, String name, Class<V> valueType) {
        super(entityType, name, valueType);
    }

    public Predicate lt(V value) { return Predicate.compare(this, Predicate.Op.LT, value); }

    public Predicate le(V value) { return Predicate.compare(this, Predicate.Op.LE, value); }

    public Predicate gt(V value) { return Predicate.compare(this, Predicate.Op.GT, value); }

    public Predicate ge(V value) { return Predicate.compare(this, Predicate.Op.GE, value); }

    /** Inclusive on both ends, like SQL's {@code BETWEEN}. */
    public Predicate between(V low, V high) { return ge(low).and(le(high)); }
}
