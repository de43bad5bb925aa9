package dev.braid.query;

/**
 * Something a projection selects, producing one value of type {@code V} per row: an {@link Expression}
 * (an attribute, an aggregate, a scalar subquery), a {@link Predicate} (a {@code Boolean} column), or a
 * whole entity ({@link Projections#entity}). Implemented by Braid's own types only; a projection refuses
 * others with {@code BRAID_QUERY}.
 *
 * @param <V> the Java type of the selected value
 */
public interface Selection<V> {
}
