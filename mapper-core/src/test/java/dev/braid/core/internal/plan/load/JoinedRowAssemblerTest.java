package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.hydrate.JoinedRowAssembler;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.plan.load.JoinModel.Basket;
import dev.braid.core.internal.plan.load.JoinModel.Fruit;
import dev.braid.query.Query;
import dev.braid.dialect.Dialect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** JOINED loads assembled from hand-made rows (baskets LEFT OUTER JOIN fruits), no database. */
class JoinedRowAssemblerTest {
    private final MappingRegistry registry = JoinModel.registry();
    private final SelectPlan plan = new QueryPlanner(registry, Dialect.postgresql()).select(Query.from(Basket.class));
    private final IdentityMap session = new IdentityMap();
    private final EntityHydrator hydrator = new EntityHydrator(session);

    @Test
    void theJoinedCollectionIsPlannedAtItsOffset() {
        // Pins the row layout the rows below are written in.
        assertThat(plan.sql().sql()).isEqualTo("SELECT baskets.id, baskets.label, fruits.id, fruits.name,"
                + " fruits.basket_id FROM baskets LEFT OUTER JOIN fruits ON fruits.basket_id = baskets.id"
                + " ORDER BY baskets.id, fruits.id");
        assertThat(plan.joined()).singleElement().satisfies(j -> assertThat(j.offset()).isEqualTo(2));
    }

    @Test
    void repeatedRootsAreReadOnceAndGetTheirJoinedChildren() {
        JoinedRowAssembler assembler = new JoinedRowAssembler(plan, hydrator, true);
        assembler.row(Rows.of(1L, "one", 10L, "apple", 1L));
        assembler.row(Rows.of(1L, "one", 11L, "pear", 1L));
        assembler.row(Rows.of(2L, "two", null, null, null)); // no fruit: the empty side of the outer join
        assembler.assign(session);

        assertThat(assembler.roots()).hasSize(2);
        Basket one = (Basket) assembler.roots().get(0);
        Basket two = (Basket) assembler.roots().get(1);
        assertThat(one.id).isEqualTo(1L);
        assertThat(one.label).isEqualTo("one");
        assertThat(one.fruits).extracting(f -> f.name).containsExactly("apple", "pear");
        assertThat(two.id).isEqualTo(2L);
        assertThat(two.fruits).isEmpty(); // loaded, and empty
        for (Fruit fruit : one.fruits) {
            assertThat(fruit.basket.get()).isSameAs(one); // the reverse reference is set without a query
            assertThat(session.contains(fruit)).isTrue();
        }
        assertThat(session.stateOf(one).collectionSnapshot(registry.entity(Basket.class).requireRelationship("fruits")))
                .containsExactlyElementsOf(one.fruits);
        assertThat(assembler.preloaded()).containsExactly(plan.joined().get(0).node());
    }

    @Test
    void aHeldRootKeepsTheCollectionItHasLoaded() {
        JoinedRowAssembler first = new JoinedRowAssembler(plan, hydrator, true);
        first.row(Rows.of(1L, "one", 10L, "apple", 1L));
        first.assign(session);
        Basket held = (Basket) first.roots().get(0);

        JoinedRowAssembler second = new JoinedRowAssembler(plan, hydrator, true);
        second.row(Rows.of(1L, "changed elsewhere", 10L, "apple", 1L));
        second.row(Rows.of(1L, "changed elsewhere", 12L, "plum", 1L));
        second.assign(session);

        assertThat(second.roots()).containsExactly(held);
        assertThat(held.label).isEqualTo("one"); // the identity map's object is not overwritten
        assertThat(held.fruits).extracting(f -> f.name).containsExactly("apple");
    }

    @Test
    void untrackedResultsRecordNoSnapshots() {
        IdentityMap keys = new IdentityMap();
        JoinedRowAssembler assembler = new JoinedRowAssembler(plan, EntityHydrator.untracked(keys), true);
        assembler.row(Rows.of(1L, "one", 10L, "apple", 1L));
        assembler.row(Rows.of(1L, "one", 10L, "apple", 1L)); // the same pair twice: one root, one child
        assembler.assign(null);

        Basket one = (Basket) assembler.roots().get(0);
        assertThat(assembler.roots()).hasSize(1);
        assertThat(one.fruits).hasSize(1);
        assertThat(keys.stateOf(one)).isNull();
    }
}
