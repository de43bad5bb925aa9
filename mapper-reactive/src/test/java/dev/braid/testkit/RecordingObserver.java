package dev.braid.testkit;

import dev.braid.reactive.Execution;
import dev.braid.reactive.ExecutionEvent;
import dev.braid.reactive.ExecutionObserver;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records every execution a {@code Mapper} starts ({@code Mapper.builder(..).observer(recording)}) as a tree: each
 * unit of work propagates its node in the Reactor context, so a statement or unit started inside it records it
 * as its parent. Also records how often and in which order each node was ended. Thread-safe.
 */
public final class RecordingObserver implements ExecutionObserver {
    private final Object key = new Object();
    private final List<Node> nodes = new CopyOnWriteArrayList<>();
    private final AtomicInteger ends = new AtomicInteger();

    /** One started execution. */
    public final class Node implements Handle {
        public final Execution execution;
        public final @Nullable Node parent;
        public final ContextView startContext;
        private final AtomicInteger endCount = new AtomicInteger();
        private volatile ExecutionEvent.@Nullable Outcome outcome;
        private volatile long rows = -1;
        private volatile @Nullable Throwable error;
        private volatile int endOrder = -1;

        Node(Execution execution, @Nullable Node parent, ContextView startContext) {
            this.execution = execution;
            this.parent = parent;
            this.startContext = startContext;
        }

        @Override
        public void end(ExecutionEvent.Outcome outcome, long rows, @Nullable Throwable error) {
            this.outcome = outcome;
            this.rows = rows;
            this.error = error;
            this.endOrder = ends.getAndIncrement();
            endCount.incrementAndGet();
        }

        @Override
        public Context propagate(Context context) {
            return context.put(key, this);
        }

        public ExecutionEvent.@Nullable Outcome outcome() { return outcome; }

        public long rows() { return rows; }

        public @Nullable Throwable error() { return error; }

        /** How many times the handle was ended (1 when Braid keeps its contract). */
        public int endCount() { return endCount.get(); }

        /** The position of this node's end among all ends, from 0; -1 while it has not ended. */
        public int endOrder() { return endOrder; }

        /** The recorded nodes started inside this one, in start order. */
        public List<Node> children() {
            return nodes.stream().filter(n -> n.parent == this).toList();
        }

        /** {@code "KIND"}, then the origin (statements) or the path or entity (units): "STATEMENT QUERY Writer". */
        public String label() {
            Execution e = execution;
            if (e.kind() == Execution.Kind.STATEMENT) return "STATEMENT " + e.origin();
            if (e.relationship() != null) return e.kind() + " " + e.relationship();
            return e.entity() == null ? e.kind().name() : e.kind() + " " + e.entity().getSimpleName();
        }

        /** This node and the nodes below it, one per line, indented by depth: a readable tree for assertions. */
        public List<String> tree() {
            List<String> out = new ArrayList<>();
            RecordingObserver.tree(this, "", out);
            return out;
        }

        @Override
        public String toString() {
            return label() + " " + outcome + " rows=" + rows;
        }
    }

    @Override
    public Handle start(Execution execution, ContextView context) {
        Node node = new Node(execution, context.getOrDefault(key, null), context);
        nodes.add(node);
        return node;
    }

    /** Every node in start order. */
    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** The nodes started outside any recorded unit, in start order. */
    public List<Node> roots() {
        return nodes.stream().filter(n -> n.parent == null).toList();
    }

    /** The statements' SQL, in start order. */
    public List<String> statements() {
        return nodes.stream().filter(n -> n.execution.kind() == Execution.Kind.STATEMENT)
                .map(n -> n.execution.sql()).toList();
    }

    /** Every root's tree, one node per line. */
    public List<String> tree() {
        List<String> out = new ArrayList<>();
        for (Node root : roots()) tree(root, "", out);
        return out;
    }

    private static void tree(Node node, String indent, List<String> out) {
        out.add(indent + node.label());
        for (Node child : node.children()) tree(child, indent + "  ", out);
    }

    /** Forgets everything recorded. */
    public void clear() {
        nodes.clear();
        ends.set(0);
    }
}
