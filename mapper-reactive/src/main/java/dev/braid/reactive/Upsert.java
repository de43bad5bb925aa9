package dev.braid.reactive;

import dev.braid.query.Attribute;
import dev.braid.statement.RenderedSql;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * An insert-or-ignore / insert-or-update of one object ({@link Session#upsert}) or many
 * ({@link Session#upsertAll}): choose the unique key rows collide on, then what happens to a row that
 * already exists, then {@link #execute()}. Immutable: each method returns a new upsert.
 *
 * <pre>{@code
 * Mono<Tag> tag = session.upsert(new Tag("java")).onConflict(Tag_.name).doNothing().execute();
 * Mono<List<Account>> accounts = session.upsertAll(Account.class, list).doUpdate(Account_.balance).execute();
 * }</pre>
 *
 * <p>After {@code execute()} every object is in the session, persistent, with its key; the result holds, for
 * each object given (in order), the session's object of that row: the one the session already held for that
 * key if any (updated when the row was), else the object given, which then holds every column of the row as
 * the database has it (a generated key, the version, and for a row left alone by {@code doNothing()}, that
 * row's values) and has its relationships unloaded. Only columns are written; relationships are not cascaded.
 *
 * @param <T> the entity type
 * @param <R> the result: the object for {@code upsert}, the list of objects for {@code upsertAll}
 */
public interface Upsert<T, R> {

    /**
     * Rows collide on these attributes: the primary key's, or one column declared unique
     * ({@code @Column(unique = true)}). Without this (and without {@link #onConstraint}) they collide on the
     * primary key.
     *
     * @param attributes the unique key's attributes, from the generated metamodel ({@code Tag_.name})
     * @return an upsert with this conflict target
     */
    Upsert<T, R> onConflict(Attribute<T, ?>... attributes);

    /**
     * Rows collide on this unique constraint ({@code ON CONFLICT ON CONSTRAINT} on PostgreSQL). A
     * constraint of a unique column as Braid's DDL names it ({@code uq_tags_name}) is known by its column.
     * Another name is sent as it is: the database reports one that does not exist, the rows are matched
     * back by the primary key (so every object needs its key), and H2, whose MERGE needs columns, refuses it.
     *
     * @param name the constraint's name
     * @return an upsert with this conflict target
     */
    Upsert<T, R> onConstraint(String name);

    /**
     * A row that already exists is left as it is (insert-or-ignore); its object gets that row's values.
     *
     * @return an upsert that does nothing on conflict
     */
    Upsert<T, R> doNothing();

    /**
     * A row that already exists takes every column of the object except the key rows collide on and the
     * primary key; its version, if any, is incremented (no version check: the last upsert wins).
     *
     * @return an upsert that updates on conflict
     */
    Upsert<T, R> doUpdate();

    /**
     * A row that already exists takes these attributes of the object; its version, if any, is incremented.
     *
     * @param attributes the attributes to update, none of them part of a key or the version
     * @return an upsert that updates these on conflict
     */
    Upsert<T, R> doUpdate(Attribute<T, ?>... attributes);

    /**
     * Runs the upsert after an autoflush, in the session's transaction (outside one, each statement commits
     * on its own): one statement per chunk of rows (10,000 on PostgreSQL, 1,000 on H2), plus one SELECT per
     * chunk of the rows {@code doNothing()} left alone. Bad input fails with {@code BRAID_QUERY} (or
     * {@code BRAID_ARGUMENT}, {@code BRAID_ENTITY_STATE} for objects the session already holds) before anything is sent.
     *
     * @return the session's object(s), as described above
     */
    Mono<R> execute();

    /**
     * The statements {@link #execute()} would send first, one per chunk, without a connection (the SELECT of
     * rows left alone depends on the result, so it is not shown).
     *
     * @return the upsert statements
     */
    List<RenderedSql> sql();
}
