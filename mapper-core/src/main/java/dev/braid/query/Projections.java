package dev.braid.query;


/**
 * Builds {@link ProjectionQuery}s without a session, to run later ({@code session.select(query)}) or to
 * use as subqueries and common tables: {@code Projections.of(Article_.title, count(Favorite_.userId))}.
 * One selection returns its values, two to six a typed tuple, more a {@link Tuple}.
 */
public final class Projections {
    private Projections() {}

    /**
     * A query of one value per row.
     *
     * @param a   the selection
     * @param <A> its type
     * @return the query, returning the values themselves
     */
    public static <A> ProjectionQuery<A> of(Selection<A> a) {
        return ProjectionQuery.select(java.util.Arrays.asList(a), ProjectionQuery.Shape.VALUE);
    }

    /**
     * A query of two values per row.
     *
     * @param a   the first selection
     * @param b   the second selection
     * @param <A> the first type
     * @param <B> the second type
     * @return the query, returning {@link Tuple2}s
     */
    public static <A, B> ProjectionQuery<Tuple2<A, B>> of(Selection<A> a, Selection<B> b) {
        return ProjectionQuery.select(java.util.Arrays.asList(a, b), ProjectionQuery.Shape.TUPLE);
    }

    /**
     * A query of three values per row.
     *
     * @param a   the first selection
     * @param b   the second selection
     * @param c   the third selection
     * @param <A> the first type
     * @param <B> the second type
     * @param <C> the third type
     * @return the query, returning {@link Tuple3}s
     */
    public static <A, B, C> ProjectionQuery<Tuple3<A, B, C>> of(Selection<A> a, Selection<B> b, Selection<C> c) {
        return ProjectionQuery.select(java.util.Arrays.asList(a, b, c), ProjectionQuery.Shape.TUPLE);
    }

    /**
     * A query of four values per row.
     *
     * @param a   the first selection
     * @param b   the second selection
     * @param c   the third selection
     * @param d   the fourth selection
     * @param <A> the first type
     * @param <B> the second type
     * @param <C> the third type
     * @param <D> the fourth type
     * @return the query, returning {@link Tuple4}s
     */
    public static <A, B, C, D> ProjectionQuery<Tuple4<A, B, C, D>> of(Selection<A> a, Selection<B> b, Selection<C> c,
                                                                      Selection<D> d) {
        return ProjectionQuery.select(java.util.Arrays.asList(a, b, c, d), ProjectionQuery.Shape.TUPLE);
    }

    /**
     * A query of five values per row.
     *
     * @param a   the first selection
     * @param b   the second selection
     * @param c   the third selection
     * @param d   the fourth selection
     * @param e   the fifth selection
     * @param <A> the first type
     * @param <B> the second type
     * @param <C> the third type
     * @param <D> the fourth type
     * @param <E> the fifth type
     * @return the query, returning {@link Tuple5}s
     */
    public static <A, B, C, D, E> ProjectionQuery<Tuple5<A, B, C, D, E>> of(Selection<A> a, Selection<B> b,
                                                                            Selection<C> c, Selection<D> d,
                                                                            Selection<E> e) {
        return ProjectionQuery.select(java.util.Arrays.asList(a, b, c, d, e), ProjectionQuery.Shape.TUPLE);
    }

    /**
     * A query of six values per row.
     *
     * @param a   the first selection
     * @param b   the second selection
     * @param c   the third selection
     * @param d   the fourth selection
     * @param e   the fifth selection
     * @param f   the sixth selection
     * @param <A> the first type
     * @param <B> the second type
     * @param <C> the third type
     * @param <D> the fourth type
     * @param <E> the fifth type
     * @param <F> the sixth type
     * @return the query, returning {@link Tuple6}s
     */
    public static <A, B, C, D, E, F> ProjectionQuery<Tuple6<A, B, C, D, E, F>> of(Selection<A> a, Selection<B> b,
                                                                                  Selection<C> c, Selection<D> d,
                                                                                  Selection<E> e, Selection<F> f) {
        return ProjectionQuery.select(java.util.Arrays.asList(a, b, c, d, e, f), ProjectionQuery.Shape.TUPLE);
    }

    /**
     * A query of any number of values per row, returned as {@link Tuple}s.
     *
     * @param selections the selections, at least one
     * @return the query
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when there is none, {@code BRAID_ARGUMENT}
     *         for a null element
     */
    public static ProjectionQuery<Tuple> of(Selection<?>... selections) {
        dev.braid.core.internal.util.Require.nonNull(selections, "selections");
        return ProjectionQuery.select(java.util.Arrays.asList(selections), ProjectionQuery.Shape.ROW);
    }

    /**
     * A whole entity as a selection: every mapped column, read into the session's tracked object
     * ({@code session.select(Projections.entity(Author.class), count(Book_.id))}).
     *
     * @param entityType the mapped entity class
     * @param <T>        the entity type
     * @return the selection
     */
    public static <T> EntitySelection<T> entity(Class<T> entityType) {
        return new EntitySelection<>(entityType);
    }
}
