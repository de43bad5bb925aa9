package dev.braid.micrometer;

import dev.braid.reactive.Execution;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Counts the rows of Braid's statements: counter {@code braid.statement.rows} (base unit rows), tagged with the
 * statement's low-cardinality keys, is incremented by the rows each statement read (queries, selectin loads,
 * keys returned) or affected (INSERT, UPDATE, DELETE) when its observation stops; the {@code braid.operation}
 * tag tells reads from writes. Register it with the observation registry next to Micrometer's meter handler
 * (Spring Boot registers it when the starter finds a {@code MeterRegistry}):
 *
 * <pre>{@code
 * observationRegistry.observationConfig()
 *         .observationHandler(new DefaultMeterObservationHandler(meterRegistry))   // the timers
 *         .observationHandler(new BraidRowCounters(meterRegistry));               // the row counters
 * }</pre>
 *
 * Needs {@code io.micrometer:micrometer-core} (an optional dependency of braid-micrometer).
 */
public final class BraidRowCounters implements ObservationHandler<BraidObservationContext> {
    /** The counter's name. */
    public static final String NAME = "braid.statement.rows";

    private final MeterRegistry meters;

    /**
     * Counters in {@code meters}.
     *
     * @param meters where the counters are registered
     */
    public BraidRowCounters(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void onStop(BraidObservationContext context) {
        if (context.getExecution().kind() != Execution.Kind.STATEMENT || context.getRows() < 0) return;
        Tags tags = Tags.empty();
        for (KeyValue key : context.getLowCardinalityKeyValues()) tags = tags.and(key.getKey(), key.getValue());
        Counter.builder(NAME)
                .description("Rows read or affected by Braid's statements")
                .baseUnit("rows")
                .tags(tags)
                .register(meters)
                .increment(context.getRows());
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof BraidObservationContext;
    }
}
