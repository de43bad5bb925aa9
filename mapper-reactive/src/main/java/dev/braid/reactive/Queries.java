package dev.braid.reactive;

import dev.braid.core.internal.util.Require;
import dev.braid.query.CommonTable;
import dev.braid.query.ProjectionQuery;
import dev.braid.query.Projections;
import dev.braid.query.Selection;
import dev.braid.query.Tuple;
import dev.braid.query.Tuple2;
import dev.braid.query.Tuple3;
import dev.braid.query.Tuple4;
import dev.braid.relation.WriteOnlyCollection;
import reactor.core.publisher.Mono;

/**
 * What a {@link Session} reads: objects by key, entity queries, projections and aggregates, common tables
 * and SQL written by hand. Every query runs on the session's connection and transaction and flushes the
 * session's pending changes first; entities it returns are the session's tracked objects (one per row).
 * Nothing runs until a terminal method of the returned query is subscribed.
 */
public interface Queries {

    /**
     * The object with this id: from the identity map without SQL when the session already holds it,
     * else by one SELECT with the mapping's default loads planned as for a query: a {@code JOINED}
     * default is a LEFT OUTER JOIN in that SELECT, {@code SELECTIN} defaults follow it. Empty when no
     * row has that id. Composite keys take a {@code List} of parts.
     *
     * @param type the entity class
     * @param id   the id value, or a {@code List} of the key's parts in column order
     * @param <T>  the entity type
     * @return the object, or empty when no row has that id
     */
    <T> Mono<T> get(Class<T> type, Object id);

    /**
     * A query over {@code type}; refine it with where/orderBy/limit/offset, then run it.
     *
     * @param type the entity class
     * @param <T>  the entity type
     * @return a query of every row, bound to this session; nothing runs until a terminal method is subscribed
     */
    <T> Select<T> select(Class<T> type);

    /**
     * A query over the members of a write-only collection (SQLAlchemy's {@code author.books.select()}):
     * {@code session.select(author.books).where(Book_.title.startsWith("A")).count()}. Pending additions
     * and removals are flushed first, so they are reflected.
     *
     * @param collection a write-only collection of an object in this session
     * @param <T>        the member type
     * @return a query of the collection's members; running it errors with {@code BRAID_ENTITY_STATE} when the
     *         owner has no key yet
     */
    <T> Select<T> select(WriteOnlyCollection<T> collection);

    /**
     * SQL written by hand, on this session's connection and transaction (SQLAlchemy's
     * {@code session.execute(text(...))}): {@code session.sql("SELECT * FROM authors WHERE name = :name")
     * .bind("name", "Austen").mapTo(Author.class).all()}, or {@code .execute()} for a write. Parameters are
     * {@code :name} or {@code ?}; Braid writes the database's markers. Pending changes are flushed first.
     *
     * @param sql the statement, with {@code :name} or {@code ?} parameters
     * @return the statement, bound to this session; nothing runs until a terminal method is subscribed
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} for an unterminated literal or comment,
     *         {@code $1}-style markers, or named and positional parameters mixed
     */
    RawSql sql(String sql);

    /**
     * A projection of one value per row (SQLAlchemy's {@code session.scalars(select(User.name))}):
     * {@code session.select(count()).from(Article.class).one()}, {@code session.select(Article_.title).all()}.
     *
     * @param a   an attribute, aggregate, subquery, predicate or {@code Projections.entity(...)}
     * @param <A> the value type
     * @return a projection bound to this session; see {@link Projection}
     */
    default <A> Projection<A> select(Selection<A> a) {
        return select(Projections.of(a));
    }

    /**
     * A projection of two values per row:
     * {@code session.select(Article_.title, count(User_.id)).leftJoin(Article_.favoritedBy).groupBy(Article_.id, Article_.title)}.
     *
     * @param a   the first selection
     * @param b   the second selection
     * @param <A> the first type
     * @param <B> the second type
     * @return a projection of {@code Tuple2}s
     */
    default <A, B> Projection<Tuple2<A, B>> select(Selection<A> a,
                                                                     Selection<B> b) {
        return select(Projections.of(a, b));
    }

    /**
     * A projection of three values per row.
     *
     * @param a   the first selection
     * @param b   the second selection
     * @param c   the third selection
     * @param <A> the first type
     * @param <B> the second type
     * @param <C> the third type
     * @return a projection of {@code Tuple3}s
     */
    default <A, B, C> Projection<Tuple3<A, B, C>> select(Selection<A> a,
            Selection<B> b, Selection<C> c) {
        return select(Projections.of(a, b, c));
    }

    /**
     * A projection of four values per row.
     *
     * @param a   the first selection
     * @param b   the second selection
     * @param c   the third selection
     * @param d   the fourth selection
     * @param <A> the first type
     * @param <B> the second type
     * @param <C> the third type
     * @param <D> the fourth type
     * @return a projection of {@code Tuple4}s
     */
    default <A, B, C, D> Projection<Tuple4<A, B, C, D>> select(Selection<A> a,
            Selection<B> b, Selection<C> c, Selection<D> d) {
        return select(Projections.of(a, b, c, d));
    }

    /**
     * A projection of any number of values per row, as {@code Tuple}s (five or more; or map them to a record
     * with {@code into}).
     *
     * @param selections the selections, at least one
     * @return a projection of {@code Tuple}s
     */
    default Projection<Tuple> select(Selection<?>... selections) {
        return select(Projections.of(selections));
    }

    /**
     * A projection built without a session ({@code Projections.of(...)}), bound to this one.
     *
     * @param query the projection query
     * @param <R>   the row type
     * @return the projection
     */
    <R> Projection<R> select(ProjectionQuery<R> query);

    /**
     * The rows of a common table: for an entity's table (a recursive one: a whole tree in one statement),
     * the session's tracked objects, with the relationship a recursive table followed loaded from the
     * same rows; for a projection's table, its rows.
     *
     * @param table the common table
     * @param <T>   the row type
     * @return the projection
     */
    default <T> Projection<T> select(CommonTable<T> table) {
        Require.nonNull(table, "table");
        if (table.projection() != null) return select(table.projection()).from(table);
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) table.entityQuery().entityType();
        return select(Projections.of(Projections.entity(type))).from(table);
    }
}
