package dev.braid.core.processing;

import java.time.Instant;

/** Not an entity itself: its fields are inherited by {@link ProcessorSampleEntity}. */
public abstract class ProcessorSampleBase {
    protected Instant createdAt;
    /** Hidden by {@link ProcessorSampleEntity#label}. */
    protected String label;
    protected static int instances;
}
