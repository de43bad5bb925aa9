package dev.braid.micrometer;

import dev.braid.reactive.Execution;
import dev.braid.reactive.ExecutionEvent;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The context of one Braid observation: what ran ({@link #getExecution()}) and, once it ended, how
 * ({@link #getOutcome()}, {@link #getRows()}; the error is {@link #getError()}). Conventions and handlers read it.
 */
public class BraidObservationContext extends Observation.Context {
    private final Execution execution;
    private ExecutionEvent.@Nullable Outcome outcome;
    private long rows = -1;

    /**
     * A context for one execution.
     *
     * @param execution the statement or unit of work observed
     */
    public BraidObservationContext(Execution execution) {
        this.execution = execution;
    }

    /**
     * The statement or unit of work observed.
     *
     * @return the execution, with its kind, database, entity, relationship and (for statements) SQL and binds
     */
    public Execution getExecution() {
        return execution;
    }

    /**
     * How the execution ended.
     *
     * @return the outcome, or null while it runs
     */
    public ExecutionEvent.@Nullable Outcome getOutcome() {
        return outcome;
    }

    /**
     * Sets how the execution ended (before the observation stops).
     *
     * @param outcome the outcome
     */
    public void setOutcome(ExecutionEvent.Outcome outcome) {
        this.outcome = outcome;
    }

    /**
     * Rows of the execution: of a statement, read or affected; of a unit of work, those of the statements it
     * sent itself (see {@link dev.braid.reactive.ExecutionObserver.Handle#end}).
     *
     * @return the rows, or -1 while it runs
     */
    public long getRows() {
        return rows;
    }

    /**
     * Sets the rows of the execution (before the observation stops).
     *
     * @param rows rows read or affected
     */
    public void setRows(long rows) {
        this.rows = rows;
    }
}
