package dev.braid.core.internal.plan.load;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.annotation.LoadStrategy;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.query.LoadOption;
import dev.braid.query.Relation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides what to load with a query's results: the mapping's eager defaults (SELECTIN, JOINED,
 * NOLOAD), overridden by the query's options path by path. Defaults are followed through nested
 * relationships but never twice along one path, so a self-referential default cannot recurse.
 */
public final class LoadPlanner {
    private final MappingRegistry registry;

    public LoadPlanner(MappingRegistry registry) {
        this.registry = registry;
    }

    /** The load tree below {@code root}: one node per relationship to load (or to mark) on the results. */
    public List<LoadNode> plan(EntityMapping root, List<LoadOption> options) {
        Builder tree = new Builder(null, LoadStrategy.RAISE, 0);
        defaults(root, tree, new ArrayList<>());
        for (LoadOption option : options) {
            Builder node = tree;
            EntityMapping owner = root;
            List<Relation<?, ?>> path = option.path();
            for (int i = 0; i < path.size(); i++) {
                Relation<?, ?> step = path.get(i);
                if (!step.ownerType().equals(owner.type())) {
                    throw new MapperException(ErrorCode.BRAID_QUERY, "Load option " + path + " does not start at "
                            + owner.name() + ": " + step + " belongs to " + step.ownerType().getSimpleName()
                            + ". Fix: start the path with a relationship of " + owner.name());
                }
                RelationshipMapping r = owner.requireRelationship(step.name());
                boolean last = i == path.size() - 1;
                Builder child = node.children.get(r.attribute());
                if (child == null) {
                    child = new Builder(r, LoadStrategy.SELECTIN, 0);
                    node.children.put(r.attribute(), child);
                } else if (!last && (child.strategy == LoadStrategy.RAISE || child.strategy == LoadStrategy.NOLOAD)) {
                    child.strategy = LoadStrategy.SELECTIN; // a path through it needs it loaded
                }
                if (last) {
                    child.strategy = option.strategy();
                    if (option.chunkSize() > 0) child.chunkSize = option.chunkSize();
                    recurse(child, r, option);
                }
                node = child;
                owner = r.target();
            }
        }
        return tree.build().children();
    }

    /**
     * {@code recursionDepth(n)} of a self-referential relationship: the same relationship again below
     * {@code level}, n - 1 times, each level loaded like the first (SQLAlchemy's {@code recursion_depth}).
     */
    private static void recurse(Builder level, RelationshipMapping r, LoadOption option) {
        for (int depth = 2; depth <= option.recursionDepth(); depth++) {
            Builder next = level.children.get(r.attribute());
            if (next == null) {
                next = new Builder(r, option.strategy(), 0);
                level.children.put(r.attribute(), next);
            }
            next.strategy = option.strategy();
            if (option.chunkSize() > 0) next.chunkSize = option.chunkSize();
            level = next;
        }
    }

    /** A node for one relationship, with its defaults below it (for explicit loads). */
    public LoadNode single(RelationshipMapping relationship, int chunkSize) {
        Builder node = new Builder(relationship, LoadStrategy.SELECTIN, chunkSize);
        List<RelationshipMapping> path = new ArrayList<>();
        path.add(relationship);
        defaults(relationship.target(), node, path);
        return node.build();
    }

    private void defaults(EntityMapping owner, Builder node, List<RelationshipMapping> path) {
        for (RelationshipMapping r : owner.relationships()) {
            LoadStrategy s = r.load();
            if (s != LoadStrategy.SELECTIN && s != LoadStrategy.JOINED && s != LoadStrategy.NOLOAD) continue;
            if (path.contains(r) || (r.reverse() != null && path.contains(r.reverse()))) continue;
            Builder child = new Builder(r, s, r.chunkSize());
            node.children.put(r.attribute(), child);
            if (s != LoadStrategy.NOLOAD) {
                path.add(r);
                defaults(r.target(), child, path);
                path.remove(path.size() - 1);
            }
        }
    }

    private static final class Builder {
        final RelationshipMapping relationship;
        LoadStrategy strategy;
        int chunkSize;
        final Map<String, Builder> children = new LinkedHashMap<>();

        Builder(RelationshipMapping relationship, LoadStrategy strategy, int chunkSize) {
            this.relationship = relationship;
            this.strategy = strategy;
            this.chunkSize = chunkSize;
        }

        LoadNode build() {
            List<LoadNode> built = new ArrayList<>();
            for (Builder b : children.values()) built.add(b.build());
            return new LoadNode(relationship, strategy, chunkSize, built);
        }
    }
}
