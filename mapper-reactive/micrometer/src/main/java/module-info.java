/**
 * Micrometer Observations for Braid: {@code dev.braid.micrometer.BraidObservations} is an execution observer
 * that creates one observation per statement and per unit of work.
 */
module dev.braid.micrometer {
    requires transitive dev.braid.reactive;
    requires transitive micrometer.observation;
    requires transitive micrometer.commons;
    requires static micrometer.core; // BraidRowCounters only
    requires static transitive org.jspecify;

    exports dev.braid.micrometer;
}
