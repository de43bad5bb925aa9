package dev.braid.reactive.internal.load;

import dev.braid.core.internal.plan.load.LoadNode;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Loads one relationship of a load tree for the owners of the level above, in one way (SQLAlchemy's
 * loader strategies): {@link Loaders#of} picks the loader for a node once, by its strategy.
 */
interface RelationshipLoader {

    /**
     * Loads {@code node}'s relationship (and what is below it) for {@code owners}: distinct objects
     * that own the relationship, possibly none.
     */
    Mono<Void> load(Connection connection, GraphLoader.Target target, List<Object> owners, LoadNode node);
}
