package dev.braid.micrometer;

import dev.braid.micrometer.BraidObservation.HighCardinalityKeys;
import dev.braid.micrometer.BraidObservation.LowCardinalityKeys;
import dev.braid.reactive.Execution;
import dev.braid.reactive.ExecutionEvent;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import java.util.Locale;

/**
 * Braid's default names and keys, as {@link BraidObservation} documents them. Extend it to add or change keys:
 *
 * <pre>{@code
 * class TenantConvention extends DefaultBraidObservationConvention {
 *     public KeyValues getLowCardinalityKeyValues(BraidObservationContext context) {
 *         return super.getLowCardinalityKeyValues(context).and("tenant", Tenant.current());
 *     }
 * }
 * }</pre>
 */
public class DefaultBraidObservationConvention implements BraidObservationConvention {
    private static final String NONE = "none";

    /** The default convention. */
    public DefaultBraidObservationConvention() {}

    /**
     * Null: each observation keeps its kind's name ({@link BraidObservation#getName()}).
     *
     * @return null
     */
    @Override
    public @Nullable String getName() {
        return null;
    }

    /**
     * {@code "braid "} and what ran: {@code "braid query Author"}, {@code "braid relationship_load Author.books"},
     * {@code "braid insert Book"}, {@code "braid flush"}, {@code "braid load Author.books.reviews"},
     * {@code "braid stream window Author"}, {@code "braid inTransaction"}.
     *
     * @param context the observation's context
     * @return the span name
     */
    @Override
    public String getContextualName(BraidObservationContext context) {
        Execution execution = context.getExecution();
        return switch (execution.kind()) {
            case STATEMENT -> "braid " + operation(execution) + subject(execution, " ");
            case FLUSH -> "braid flush";
            case LOAD -> "braid load" + subject(execution, " ");
            case STREAM_WINDOW -> "braid stream window" + subject(execution, " ");
            case WITH_SESSION -> "braid withSession";
            case IN_TRANSACTION -> "braid inTransaction";
        };
    }

    /**
     * Operation, entity, relationship and database; the outcome once the execution ended.
     *
     * @param context the observation's context
     * @return the low-cardinality keys
     */
    @Override
    public KeyValues getLowCardinalityKeyValues(BraidObservationContext context) {
        Execution execution = context.getExecution();
        Class<?> entity = execution.entity();
        String relationship = execution.relationship();
        KeyValues keys = KeyValues.of(
                LowCardinalityKeys.OPERATION.withValue(operation(execution)),
                LowCardinalityKeys.ENTITY.withValue(entity == null ? NONE : entity.getSimpleName()),
                LowCardinalityKeys.RELATIONSHIP.withValue(relationship == null ? NONE : relationship),
                LowCardinalityKeys.DB_SYSTEM.withValue(execution.database()));
        ExecutionEvent.Outcome outcome = context.getOutcome();
        return outcome == null ? keys : keys.and(LowCardinalityKeys.OUTCOME.withValue(outcome.name().toLowerCase(Locale.ROOT)));
    }

    /**
     * A statement's SQL (never its bound values); the rows once the execution ended.
     *
     * @param context the observation's context
     * @return the high-cardinality keys
     */
    @Override
    public KeyValues getHighCardinalityKeyValues(BraidObservationContext context) {
        String sql = context.getExecution().sql();
        KeyValues keys = sql == null ? KeyValues.empty() : KeyValues.of(HighCardinalityKeys.DB_STATEMENT.withValue(sql));
        return context.getOutcome() == null ? keys
                : keys.and(HighCardinalityKeys.ROWS.withValue(Long.toString(context.getRows())));
    }

    /**
     * The operation key's value: the statement origin's kind, or the unit's kind, in lower case.
     *
     * @param execution what ran
     * @return {@code "query"}, {@code "insert"}, {@code "flush"}, {@code "in_transaction"}, ...
     */
    protected String operation(Execution execution) {
        Enum<?> kind = execution.kind() == Execution.Kind.STATEMENT ? execution.origin().kind() : execution.kind();
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String subject(Execution execution, String prefix) {
        if (execution.relationship() != null) return prefix + execution.relationship();
        Class<?> entity = execution.entity();
        return entity == null ? "" : prefix + entity.getSimpleName();
    }
}
