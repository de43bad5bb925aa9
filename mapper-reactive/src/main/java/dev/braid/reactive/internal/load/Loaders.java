package dev.braid.reactive.internal.load;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.annotation.LoadStrategy;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.plan.load.LoadNode;
import dev.braid.core.internal.relation.RelationInternals;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one place where a load node's strategy picks its loader: SELECTIN (and DEFAULT, and JOINED
 * nodes the parents' statement did not join) run selectin queries, JOINED nodes the parents'
 * statement already loaded only load below them, NOLOAD marks the relationship loaded as empty, RAISE
 * and WRITE_ONLY load nothing (touching the relationship then fails), and a write-only relationship
 * asked to load fails.
 */
final class Loaders {
    /** RAISE, WRITE_ONLY: nothing is loaded; the relationship stays unloaded. */
    private static final RelationshipLoader SKIP = (connection, target, owners, node) -> Mono.empty();

    /** NOLOAD (SQLAlchemy's {@code noload}): loaded as empty, without a query. */
    private static final RelationshipLoader NO_LOAD = (connection, target, owners, node) -> {
        RelationshipMapping r = node.relationship();
        for (Object owner : owners) {
            Object wrapper = r.wrapperOf(owner);
            if (RelationInternals.isLoaded(wrapper)) continue;
            if (r.isCollection()) RelationInternals.loadCollection(wrapper, List.of());
            else RelationInternals.noloadReference(wrapper);
        }
        return Mono.empty();
    };

    /** A write-only relationship asked to load: never loaded, queried instead. */
    private static final RelationshipLoader REFUSE_WRITE_ONLY = (connection, target, owners, node) -> {
        RelationshipMapping r = node.relationship();
        return Mono.error(new MapperException(ErrorCode.BRAID_QUERY, r.qualifiedName()
                + " is WRITE_ONLY and is never loaded. Fix: query it with session.select("
                + r.owner().name().toLowerCase(Locale.ROOT) + "." + r.attribute() + ")"));
    };

    private final SelectinLoader selectin;
    private final JoinedLoader joined;

    Loaders(SelectinLoader selectin, JoinedLoader joined) {
        this.selectin = selectin;
        this.joined = joined;
    }

    /**
     * Whether {@code loader} (which {@link #of} chose for {@code node}) may send queries: selectin, or joined with
     * a level below it to load. The others only mark relationships, or refuse.
     */
    boolean loadsWithQueries(RelationshipLoader loader, LoadNode node) {
        return loader == selectin || (loader == joined && !node.children().isEmpty());
    }

    /**
     * The loader for {@code node}.
     *
     * @param preloaded the nodes whose relationship the parents' own statement loaded (JOINED)
     */
    RelationshipLoader of(LoadNode node, Set<LoadNode> preloaded) {
        LoadStrategy strategy = node.strategy();
        if (node.relationship().isWriteOnly()) {
            return switch (strategy) {
                case RAISE, NOLOAD, WRITE_ONLY -> SKIP;
                default -> REFUSE_WRITE_ONLY;
            };
        }
        return switch (strategy) {
            case RAISE, WRITE_ONLY -> SKIP;
            case NOLOAD -> NO_LOAD;
            default -> preloaded.contains(node) ? joined : selectin;
        };
    }
}
