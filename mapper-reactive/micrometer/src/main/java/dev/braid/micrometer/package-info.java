/**
 * Micrometer Observations for Braid. {@link dev.braid.micrometer.BraidObservations} observes a mapper's
 * statements and units of work ({@code Mapper.builder(..).observer(new BraidObservations(registry))}); the
 * observations are named and keyed as {@link dev.braid.micrometer.BraidObservation} documents, by a
 * {@link dev.braid.micrometer.BraidObservationConvention} that applications may replace;
 * {@link dev.braid.micrometer.BraidRowCounters} adds row counters.
 */
@NullMarked
package dev.braid.micrometer;

import org.jspecify.annotations.NullMarked;
