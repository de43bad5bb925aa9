package dev.braid.core.internal.plan.flush;

import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;

import java.util.List;

/**
 * A {@link WriteStep} whose SQL and outcome are decided when it is rendered: the step factories set
 * {@link #renderer}, and the renderer sets {@link #outcome} (and, for inserts, {@link #returned}).
 */
final class Step implements WriteStep {
    /** What a step does with its statement's result. */
    @FunctionalInterface
    interface Outcome {
        void apply(long rowCount, List<Object[]> returned);
    }

    /** Renders a step's statement when its turn comes; null when there is nothing to write. */
    @FunctionalInterface
    interface Renderer {
        RenderedSql render();
    }

    private final Kind kind;
    List<Class<?>> returned;
    Renderer renderer;
    Outcome outcome;
    private final Class<?> entity; // the mapped type written, for the statement's origin
    private final String table;    // the table written (a link table for link rows)

    Step(Kind kind, List<Class<?>> returned, Class<?> entity, String table) {
        this.kind = kind;
        this.returned = returned;
        this.entity = entity;
        this.table = table;
    }

    @Override
    public Kind kind() { return kind; }

    @Override
    public String table() { return table; }

    @Override
    public RenderedSql render() {
        RenderedSql sql = renderer.render();
        return sql == null ? null : sql.withOrigin(StatementOrigin.flushStep(kind.name(), entity));
    }

    @Override
    public List<Class<?>> returnedTypes() { return returned; }

    @Override
    public void applied(long rowCount, List<Object[]> returnedValues) {
        outcome.apply(rowCount, returnedValues);
    }
}
