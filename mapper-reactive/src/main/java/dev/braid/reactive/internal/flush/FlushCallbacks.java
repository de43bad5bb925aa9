package dev.braid.reactive.internal.flush;

import dev.braid.core.internal.meta.LifecycleMethods.Event;
import reactor.core.publisher.Mono;

import java.util.List;

/** The {@code before*} lifecycle callbacks a flush runs on its objects before it is planned. */
@FunctionalInterface
public interface FlushCallbacks {
    /**
     * Runs the callbacks of {@code event} on every object, one after the other, with the subscriber's context.
     *
     * @param event    the event
     * @param entities the objects, in order
     * @return completes when every callback completed; errors with the first callback's error
     */
    Mono<Void> before(Event event, List<Object> entities);
}
