package dev.braid.reactive;

import dev.braid.core.internal.plan.flush.WriteStep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ObjLongConsumer;

/**
 * Adds up the rows each statement of a flush wrote, per table and kind, into a {@link FlushResult}. Only
 * created for callers who ask ({@link Session#flushWithCounts()}, a delete by keys): an ordinary flush
 * passes no counter and pays nothing.
 */
final class FlushCounts implements ObjLongConsumer<WriteStep> {
    private final Map<String, long[]> counts = new LinkedHashMap<>();

    @Override
    public void accept(WriteStep step, long rows) {
        int kind = switch (step.kind()) {
            case INSERT, LINK_INSERT -> 0;
            case UPDATE -> 1;
            case DELETE, LINK_DELETE -> 2;
            case ALLOCATE_IDS -> -1;
        };
        if (kind < 0) return;
        counts.computeIfAbsent(step.table(), t -> new long[3])[kind] += rows;
    }

    FlushResult result() {
        return FlushResult.of(counts);
    }
}
