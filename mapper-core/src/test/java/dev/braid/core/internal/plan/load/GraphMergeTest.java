package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.identity.EntityStatus;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.EntityKey;
import dev.braid.annotation.LoadStrategy;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.plan.flush.UnitOfWork;
import dev.braid.core.internal.plan.load.JoinModel.Basket;
import dev.braid.core.internal.plan.load.JoinModel.Fruit;
import dev.braid.core.internal.plan.merge.GraphMerge;
import dev.braid.core.internal.plan.merge.RelationshipMerge;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.dialect.Dialect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** session.merge planned as pure steps: what to read, what to copy, which relationships follow. */
class GraphMergeTest {
    private final MappingRegistry registry = JoinModel.registry();
    private final IdentityMap session = new IdentityMap();
    private final UnitOfWork unitOfWork = new UnitOfWork(registry, session, new SqlRenderer(Dialect.postgresql()));
    private final GraphMerge merge = new GraphMerge(registry, session, unitOfWork);

    private Basket held(long id, String label) {
        return (Basket) new EntityHydrator(session).hydrate(registry.entity(Basket.class), Rows.of(id, label), 0);
    }

    private static Basket detached(Long id, String label) {
        Basket basket = new Basket();
        basket.id = id;
        basket.label = label;
        return basket;
    }

    @Test
    void aKeyTheSessionDoesNotHoldIsReadFirst() {
        GraphMerge.Step step = merge.start(detached(7L, "x"));
        assertThat(step).isEqualTo(new GraphMerge.Read(new EntityKey(Basket.class, 7L)));
    }

    @Test
    void aHeldObjectGetsTheDetachedColumnsAndTheLoadedRelationshipsFollow() {
        Basket held = held(7L, "old");
        Basket detached = detached(7L, "new");
        Fruit fruit = new Fruit();
        fruit.name = "apple";
        detached.fruits.add(fruit);

        GraphMerge.Resolved resolved = (GraphMerge.Resolved) merge.start(detached);
        assertThat(resolved.target()).isSameAs(held);
        assertThat(held.label).isEqualTo("new");
        assertThat(resolved.relationships()).singleElement().satisfies(r -> {
            assertThat(r.relationship().attribute()).isEqualTo("fruits");
            assertThat(r.members()).containsExactly(fruit);
            // The held basket's fruits were never loaded: they are loaded before being replaced.
            assertThat(r.loadFirst().strategy()).isEqualTo(LoadStrategy.SELECTIN);
            assertThat(r.loadFirst().relationship()).isSameAs(r.relationship());
        });
        // Merged once per call: a second visit (a cycle, a shared object) returns the same copy.
        assertThat(merge.start(detached)).isEqualTo(new GraphMerge.Merged(held));
    }

    @Test
    void aMissingRowMakesAPendingCopyAndItsChildrenAreAssigned() {
        Basket detached = detached(8L, "fresh");
        Fruit fruit = new Fruit();
        fruit.name = "plum";
        detached.fruits.add(fruit);
        assertThat(merge.start(detached)).isInstanceOf(GraphMerge.Read.class);

        GraphMerge.Resolved resolved = merge.resolve(detached, null); // the read found no row
        Basket copy = (Basket) resolved.target();
        assertThat(copy).isNotSameAs(detached);
        assertThat(copy.id).isEqualTo(8L);
        assertThat(copy.label).isEqualTo("fresh");
        assertThat(session.stateOf(copy).status()).isEqualTo(EntityStatus.PENDING);

        RelationshipMerge fruits = resolved.relationships().get(0);
        assertThat(fruits.loadFirst()).isNull(); // a new object's collection is loaded (empty)
        Fruit fruitCopy = (Fruit) ((GraphMerge.Resolved) merge.start(fruit)).target();
        fruits.assign(List.of(fruitCopy));
        assertThat(copy.fruits).containsExactly(fruitCopy);
        assertThat(fruitCopy.basket.get()).isSameAs(copy); // both ends follow, as for any change
    }

    @Test
    void theSessionsOwnObjectIsItsOwnCopy() {
        Basket held = held(9L, "mine");
        GraphMerge.Resolved resolved = (GraphMerge.Resolved) merge.start(held);
        assertThat(resolved.target()).isSameAs(held);
        assertThat(resolved.relationships()).isEmpty();
    }
}
