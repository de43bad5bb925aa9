package dev.braid.core.internal.plan.load;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.internal.util.Require;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.annotation.LoadStrategy;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.query.Relation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code session.load(objects, path...)} planned: a chain of SELECTIN nodes along the path, the last
 * one with its targets' default loads below it, for objects the session holds.
 */
public final class ExplicitLoad {
    private ExplicitLoad() {}

    /**
     * The load tree for {@code path}.
     *
     * @throws MapperException {@code BRAID_ENTITY_STATE} when one of {@code objects} is not in {@code session}
     */
    public static List<LoadNode> plan(MappingRegistry registry, LoadPlanner loads, IdentityMap session,
                                      Collection<?> objects, Relation<?, ?>... path) {
        Require.argument(path.length > 0, "load(...) needs a relationship, e.g. session.load(author, Author_.books)");
        List<RelationshipMapping> relationships = new ArrayList<>();
        for (Relation<?, ?> step : path) {
            relationships.add(registry.entity(step.ownerType()).requireRelationship(step.name()));
        }
        LoadNode node = loads.single(relationships.get(relationships.size() - 1), 0);
        for (int i = relationships.size() - 2; i >= 0; i--) {
            node = new LoadNode(relationships.get(i), LoadStrategy.SELECTIN, 0, List.of(node));
        }
        for (Object entity : objects) {
            if (!session.contains(entity)) {
                throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot load " + List.of(path) + " of "
                        + entity.getClass().getSimpleName() + ": the object is not in this session."
                        + " Fix: load it in this session first");
            }
        }
        return List.of(node);
    }
}
