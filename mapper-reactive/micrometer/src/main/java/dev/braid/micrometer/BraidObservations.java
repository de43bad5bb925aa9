package dev.braid.micrometer;

import dev.braid.reactive.Execution;
import dev.braid.reactive.ExecutionEvent;
import dev.braid.reactive.ExecutionObserver;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Micrometer Observations for a mapper's statements and units of work: one {@link Observation} each, named and
 * keyed as {@link BraidObservation} documents (by {@link DefaultBraidObservationConvention} unless a convention
 * is given), never with bound values.
 *
 * <pre>{@code
 * Mapper mapper = Mapper.builder(connectionFactory, registry)
 *         .observer(new BraidObservations(observationRegistry))
 *         .build();
 * }</pre>
 *
 * <p>Each observation's parent is the observation found in the subscriber's Reactor context under
 * {@link ObservationThreadLocalAccessor#KEY} (where Spring WebFlux and Reactor's {@code tap} put the request's),
 * else the registry's current one; a unit's observation is put there for the work it runs, so a statement's
 * parent is its flush, load or stream window, their parent the {@code withSession}/{@code inTransaction} scope, and
 * that the request. An error ends the observation with {@link Observation#error(Throwable)}; a cancel ends it with
 * {@code outcome=cancel}. A no-op registry costs one check per execution.
 */
public final class BraidObservations implements ExecutionObserver {
    private final ObservationRegistry registry;
    private final @Nullable BraidObservationConvention[] custom;
    private final BraidObservationConvention[] defaults;

    /**
     * Observations with the default convention (or the registry's global one for Braid's contexts).
     *
     * @param registry where observations are made
     */
    public BraidObservations(ObservationRegistry registry) {
        this(registry, null);
    }

    /**
     * Observations with a custom convention (its null name keeps each kind's name).
     *
     * @param registry   where observations are made
     * @param convention the names and keys to use instead of the default ones, or null for the defaults
     * @throws MapperException {@code BRAID_ARGUMENT} when {@code registry} is null
     */
    public BraidObservations(ObservationRegistry registry, @Nullable BraidObservationConvention convention) {
        if (registry == null) {
            throw new MapperException(ErrorCode.BRAID_ARGUMENT, "BraidObservations needs an ObservationRegistry, got null."
                    + " Fix: pass the application's registry (ObservationRegistry.create(), or Boot's bean)");
        }
        this.registry = registry;
        BraidObservation[] kinds = BraidObservation.values();
        this.custom = new BraidObservationConvention[kinds.length];
        this.defaults = new BraidObservationConvention[kinds.length];
        DefaultBraidObservationConvention standard = new DefaultBraidObservationConvention();
        for (BraidObservation kind : kinds) {
            defaults[kind.ordinal()] = new Named(kind.getName(), standard);
            custom[kind.ordinal()] = convention == null ? null : new Named(kind.getName(), convention);
        }
    }

    /**
     * Starts the execution's observation, as a child of the context's observation.
     *
     * @param execution what starts
     * @param context   the subscriber's context
     * @return the handle stopping it; {@link Handle#NOOP} when the registry or its predicates leave it out
     */
    @Override
    public Handle start(Execution execution, ContextView context) {
        if (registry.isNoop()) return Handle.NOOP;
        int kind = BraidObservation.of(execution.kind()).ordinal();
        BraidObservationContext observed = new BraidObservationContext(execution);
        Observation observation = Observation.createNotStarted(custom[kind], defaults[kind], () -> observed, registry);
        if (observation.isNoop()) return Handle.NOOP;
        Object parent = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (parent instanceof Observation p && !p.isNoop()) observation.parentObservation(p);
        return new Started(observation.start(), observed);
    }

    /** One started observation: stopped with the outcome, rows and error; the parent of the unit's work. */
    private record Started(Observation observation, BraidObservationContext context) implements Handle {
        @Override
        public void end(ExecutionEvent.Outcome outcome, long rows, @Nullable Throwable error) {
            context.setOutcome(outcome);
            context.setRows(rows);
            if (error != null) observation.error(error);
            observation.stop();
        }

        @Override
        public Context propagate(Context reactorContext) {
            return reactorContext.put(ObservationThreadLocalAccessor.KEY, observation);
        }
    }

    /** A convention under a kind's name when it gives none (Micrometer's predicates filter by this name). */
    private record Named(String name, BraidObservationConvention delegate) implements BraidObservationConvention {
        @Override
        public String getName() {
            String own = delegate.getName();
            return own == null || own.isBlank() ? name : own;
        }

        @Override
        public @Nullable String getContextualName(BraidObservationContext context) {
            return delegate.getContextualName(context);
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(BraidObservationContext context) {
            return delegate.getLowCardinalityKeyValues(context);
        }

        @Override
        public KeyValues getHighCardinalityKeyValues(BraidObservationContext context) {
            return delegate.getHighCardinalityKeyValues(context);
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return delegate.supportsContext(context);
        }
    }
}
