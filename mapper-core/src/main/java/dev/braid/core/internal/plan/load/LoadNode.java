package dev.braid.core.internal.plan.load;

import dev.braid.annotation.LoadStrategy;
import dev.braid.core.internal.meta.RelationshipMapping;

import java.util.List;

/** One relationship to load for the objects of the level above, and what to load below it. */
public record LoadNode(RelationshipMapping relationship, LoadStrategy strategy, int chunkSize, List<LoadNode> children) {
    public LoadNode {
        children = List.copyOf(children);
    }
}
