package dev.braid.reactive;

import dev.braid.statement.RenderedSql;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * SQL written by hand, run on the session's connection and in its transaction
 * ({@link Session#sql(String)}). Parameters are written {@code :name} or {@code ?} (one style per
 * statement) and Braid replaces them with the database's markers, so the same text runs on H2 and
 * PostgreSQL; {@code :name} and {@code ?} inside string literals, quoted identifiers and comments are
 * left alone, {@code ::} is PostgreSQL's cast and {@code ??} a literal {@code ?}. Every value is bound,
 * never spliced into the text. Immutable: each {@code bind} returns a new statement, so one can be
 * shared and bound differently.
 *
 * <p>Like any session operation, running it flushes pending changes first (autoflush), runs one operation
 * at a time, and reports its statement to execution listeners with origin {@code RAW_SQL}. Rows written
 * by {@link #execute()} are not reflected in objects the session already holds: {@code refresh} or
 * {@code expunge} them, or write through the session or a bulk {@code update}.
 */
public interface RawSql {

    /**
     * Binds a value to every occurrence of {@code :name}. A {@code Collection} expands to one marker per
     * element ({@code id IN (:ids)}); an array is bound as one array value ({@code id = ANY(:ids)} on
     * PostgreSQL). Enums are bound by name and {@code Instant}s as UTC timestamps, as Braid stores them.
     *
     * @param name  the parameter's name, without the colon
     * @param value the value, not null (use {@link #bindNull(String, Class)})
     * @return the statement with the value bound
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when the text has no {@code :name}, when
     *         {@code value} is null, or for an empty collection
     */
    RawSql bind(String name, Object value);

    /**
     * Binds a value to the {@code ?} at {@code index}, counting from 0 as R2DBC does.
     *
     * @param index the parameter's position, from 0
     * @param value the value, not null (use {@link #bindNull(int, Class)}); collections expand as for named ones
     * @return the statement with the value bound
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when the text has no {@code ?} at that index,
     *         or when {@code value} is null
     */
    RawSql bind(int index, Object value);

    /**
     * Binds SQL NULL to every occurrence of {@code :name}.
     *
     * @param name the parameter's name
     * @param type the value's Java type ({@code Integer.class}, an enum, {@code Instant.class}, ...)
     * @return the statement with NULL bound
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when the text has no {@code :name}
     */
    RawSql bindNull(String name, Class<?> type);

    /**
     * Binds SQL NULL to the {@code ?} at {@code index} (from 0).
     *
     * @param index the parameter's position, from 0
     * @param type  the value's Java type
     * @return the statement with NULL bound
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when the text has no {@code ?} at that index
     */
    RawSql bindNull(int index, Class<?> type);

    /**
     * The rows as objects of {@code type}: a mapped entity (every mapped column selected, matched by name;
     * the objects enter the session's identity map, and a row the session already holds yields the object
     * it holds, unchanged), an unmapped record (components matched to columns by name or snake_case name),
     * or a single column's values ({@code Long.class}, {@code String.class}, an enum, ...). A result column
     * that maps to nothing, or a needed column that is missing, fails with {@code BRAID_QUERY} naming it
     * when the result's first row arrives, before any row is mapped.
     *
     * @param type the class rows become
     * @param <R>  the result type
     * @return the mapped result, run when one of its methods is subscribed
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when rows cannot become {@code type} (neither an
     *         entity, a record nor a column type), {@code BRAID_UNMAPPED} for an entity missing from the registry
     */
    <R> RawResult<R> mapTo(Class<R> type);

    /**
     * The rows through a function; the row is valid only inside it. Nothing is tracked.
     *
     * @param mapper turns one row into a result, never null
     * @param <R>    the result type
     * @return the mapped result, run when one of its methods is subscribed
     */
    <R> RawResult<R> map(Function<ResultRow, ? extends R> mapper);

    /**
     * Runs the statement (an INSERT, UPDATE, DELETE or DDL) and emits the number of rows it affected.
     *
     * @return the affected row count; errors with {@code BRAID_QUERY} for an unbound parameter, before anything is sent
     */
    Mono<Long> execute();

    /**
     * The statement as it would be sent: the dialect's markers and the bound values, without a connection.
     *
     * @return the rendered statement
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} naming any parameter not bound yet
     */
    RenderedSql sql();
}
