package dev.braid.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of Braid's observations. {@link DefaultBraidObservationConvention} is the default; pass your
 * own (usually a subclass of it) to {@link BraidObservations#BraidObservations(io.micrometer.observation.ObservationRegistry,
 * BraidObservationConvention)}, or register a {@code GlobalObservationConvention<BraidObservationContext>} with
 * the registry. {@link #getName()} may return null: the observation keeps the name of its kind
 * ({@code braid.statement}, {@code braid.flush}, ...; see {@link BraidObservation}).
 */
public interface BraidObservationConvention extends ObservationConvention<BraidObservationContext> {

    /**
     * Supports Braid's contexts only.
     *
     * @param context a context
     * @return whether it is a {@link BraidObservationContext}
     */
    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof BraidObservationContext;
    }
}
