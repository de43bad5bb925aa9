package dev.braid.examples.web;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The observations the application starts, each with the names of its ancestors (parent first), recorded by an
 * {@link ObservationHandler} bean, which Spring Boot registers with its {@code ObservationRegistry} next to the
 * metrics handler.
 */
final class ObservationLog implements ObservationHandler<Observation.Context> {
    /** One started observation: its name, contextual name and the names of its ancestors, nearest first. */
    record Started(String name, String contextualName, List<String> ancestors) {}

    private final List<Observation.Context> started = new CopyOnWriteArrayList<>();

    /** Registers the log with the test's application context. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {
        @Bean
        ObservationLog observationLog() {
            return new ObservationLog();
        }
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return true;
    }

    @Override
    public void onStart(Observation.Context context) {
        started.add(context);
    }

    /** The Braid observations started since the last {@link #clear()}, in start order (their names as of now). */
    List<Started> braid() {
        return started.stream().filter(c -> c.getName().startsWith("braid.")).map(ObservationLog::describe).toList();
    }

    private static Started describe(Observation.Context context) {
        List<String> ancestors = new ArrayList<>();
        for (var parent = context.getParentObservation(); parent != null;
             parent = parent.getContextView().getParentObservation()) {
            ancestors.add(parent.getContextView().getName());
        }
        // the convention sets the contextual name when the observation stops
        return new Started(context.getName(), String.valueOf(context.getContextualName()), ancestors);
    }

    void clear() {
        started.clear();
    }
}
