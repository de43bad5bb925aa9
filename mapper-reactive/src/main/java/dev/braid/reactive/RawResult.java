package dev.braid.reactive;

import dev.braid.query.LoadOption;
import dev.braid.statement.RenderedSql;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The rows of a {@link RawSql} statement as objects of {@code R}; nothing runs until a terminal method's
 * publisher is subscribed.
 *
 * @param <R> the result type
 */
public interface RawResult<R> {

    /**
     * Load options for relationships of entity results, e.g. {@code Loads.selectin(Author_.books)}: loaded
     * after the statement's rows are read, one query per relationship per chunk of keys, as for a query.
     * The mapping's default loads run too ({@code JOINED} ones as {@code SELECTIN}: the SQL is yours).
     *
     * @param options the options, after those already given
     * @return the result with the options
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when the rows are not mapped to an entity
     */
    RawResult<R> options(LoadOption... options);

    /**
     * Every row, in the statement's order; one object per row (a row repeating an entity's key repeats its
     * object). Without relationships to load the rows stream as they arrive; otherwise they are read
     * completely, the relationships loaded, then emitted.
     *
     * @return the mapped rows
     */
    Flux<R> all();

    /**
     * Exactly one row.
     *
     * @return the mapped row; errors with {@code BRAID_NO_RESULT} when there is none, {@code BRAID_NON_UNIQUE_RESULT}
     *         when there are several (the result is read to its end: add {@code LIMIT 2} to bound it)
     */
    Mono<R> one();

    /**
     * The first row, or empty. Braid cannot add a limit to SQL it did not write: the rest of the result is
     * read and dropped (not mapped), so write {@code LIMIT 1} where the result may be large.
     *
     * @return the first mapped row, or empty
     */
    Mono<R> first();

    /**
     * The statement as it would be sent, without a connection.
     *
     * @return the rendered statement
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} naming any parameter not bound yet
     */
    RenderedSql sql();
}
