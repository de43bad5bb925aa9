package dev.braid.reactive;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Lifecycle callbacks of a mapper's sessions, registered with {@link MapperBuilder#entityListener(EntityListener)}
 * (every entity) or {@link MapperBuilder#entityListener(Class, EntityListener)} (one entity class). The
 * {@code before*} callbacks run when a flush starts, before any statement is planned, one object after the
 * other: changes they make to the object are written by that same flush, and the publisher they return
 * runs to completion first. They get the Reactor {@link ContextView} of the flush's subscriber (for example
 * the current user for an audit column, put there with {@code contextWrite}). An error, thrown or signalled,
 * aborts the flush before anything is written and reaches the flush's subscriber unchanged; the session's
 * objects are as they were before the flush.
 *
 * <p>Callbacks must not block. Order per object: mapper-wide listeners, then the entity's listeners, in the
 * order registered, then the entity's own {@code @BeforeInsert}, ... methods. SQLAlchemy: mapper events
 * {@code before_insert}, {@code before_update}, {@code before_delete}, {@code load}; JPA: entity listeners.
 *
 * @param <T> the entity type listened to ({@code Object} for every entity)
 */
public interface EntityListener<T> {
    /**
     * Before the object's INSERT is planned (after client defaults and timestamps were set).
     *
     * @param entity  the object to insert
     * @param context the Reactor context of the flush's subscriber
     * @return completes when done; by default at once
     */
    default Publisher<Void> beforeInsert(T entity, ContextView context) { return Mono.empty(); }

    /**
     * Before the object's UPDATE is planned: only when one of its columns changed (after the update
     * timestamps were set).
     *
     * @param entity  the changed object
     * @param context the Reactor context of the flush's subscriber
     * @return completes when done; by default at once
     */
    default Publisher<Void> beforeUpdate(T entity, ContextView context) { return Mono.empty(); }

    /**
     * Before the object's DELETE is planned.
     *
     * @param entity  the object to delete
     * @param context the Reactor context of the flush's subscriber
     * @return completes when done; by default at once
     */
    default Publisher<Void> beforeDelete(T entity, ContextView context) { return Mono.empty(); }

    /**
     * Once when a loaded object enters the session, its columns set (its relationships may not be loaded
     * yet). Synchronous, inside the load: it must be quick and must not block. Not called for
     * {@code readOnly()} results, which do not enter the session.
     *
     * @param entity the loaded object
     */
    default void afterLoad(T entity) { }
}
