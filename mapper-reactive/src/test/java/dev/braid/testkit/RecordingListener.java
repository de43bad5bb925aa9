package dev.braid.testkit;

import dev.braid.statement.StatementOrigin;
import dev.braid.reactive.ExecutionEvent;
import dev.braid.reactive.ExecutionListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every statement a {@code Mapper} reports ({@code Mapper.builder(..).listener(recording)}), at Braid's
 * level: with who issued it (entity, relationship, flush step), its binds, row count and outcome. Complements
 * {@link StatementRecorder}, which sees the wire (every statement of every client on the factory, R2DBC
 * transaction and savepoint calls) and injects faults. Thread-safe.
 */
public final class RecordingListener implements ExecutionListener {
    private final List<ExecutionEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onStatement(ExecutionEvent event) {
        events.add(event);
    }

    /** Snapshot of the reported statements, in the order they ended. */
    public List<ExecutionEvent> events() {
        return List.copyOf(events);
    }

    /** The reported statements' SQL, in the order they ended. */
    public List<String> statements() {
        return events.stream().map(ExecutionEvent::sql).toList();
    }

    /** Who issued each statement, in the order they ended. */
    public List<StatementOrigin> origins() {
        return events.stream().map(ExecutionEvent::origin).toList();
    }

    /**
     * Who issued each statement as text: {@code "QUERY Writer"}, {@code "RELATIONSHIP_LOAD Writer.books"},
     * {@code "INSERT Novel"}, {@code "SCHEMA"} ({@link StatementOrigin#toString()}).
     */
    public List<String> issuers() {
        return events.stream().map(e -> e.origin().toString()).toList();
    }

    /** Number of reported statements. */
    public int count() {
        return events.size();
    }

    /** Forgets everything recorded. */
    public void clear() {
        events.clear();
    }
}
