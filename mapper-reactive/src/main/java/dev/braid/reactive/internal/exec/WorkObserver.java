package dev.braid.reactive.internal.exec;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Observes the units of work that send statements: a flush, the load of one relationship path, a window of
 * {@code stream()}, a session scope. Each method returns {@code work} observed as one unit: started when
 * subscribed, ended exactly once, with the statements and units inside it nested under it (through the
 * Reactor context). A mapper without observers has none ({@link StatementExecutor#work()} is null), and its
 * units run as they are.
 */
public interface WorkObserver {

    /** A flush's statements. */
    Mono<Void> flush(Mono<Void> work);

    /**
     * Loading one relationship ({@code owner}'s {@code attribute}, qualified {@code Owner.attribute}) for the
     * objects of the level above; inside another load, its path continues that load's path.
     */
    Mono<Void> load(Class<?> owner, String attribute, String qualifiedName, Mono<Void> work);

    /** One window of {@code stream()}: its roots read, then their relationships loaded. */
    <T> Mono<List<T>> window(Class<?> root, Mono<List<T>> work);

    /** A session scope ({@code transactional}: {@code inTransaction}, else {@code withSession}). */
    <T> Flux<T> session(boolean transactional, Flux<T> work);
}
