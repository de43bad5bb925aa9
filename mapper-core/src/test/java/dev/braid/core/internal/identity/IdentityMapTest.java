package dev.braid.core.internal.identity;

import dev.braid.core.fixtures.Author;
import dev.braid.core.fixtures.Fixtures;
import dev.braid.core.internal.meta.EntityKey;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.mapping.MappingRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityMapTest {
    private final MappingRegistry registry = Fixtures.registry();
    private final EntityMapping authors = registry.entity(Author.class);

    private Author author(Long id) {
        Author a = (Author) authors.instantiate(new Object[authors.columns().size()]);
        authors.idColumns().get(0).set(a, id);
        return a;
    }

    @Test
    void keyTableKeepsEveryEntryThroughGrowthAndRemovalsWithCollidingIds() {
        KeyTable table = new KeyTable(authors);
        // Ids spaced by powers of two collide in a table indexed by the low bits; random removals then
        // exercise the backward shift across wrapped probe sequences.
        List<Long> ids = new ArrayList<>();
        for (long i = 0; i < 3_000; i++) ids.add(i * 1024 + (i % 7));
        List<Object> objects = new ArrayList<>();
        for (Long id : ids) {
            Object o = new Object();
            objects.add(o);
            table.put(id, o);
        }
        assertThat(table.size()).isEqualTo(ids.size());
        for (int i = 0; i < ids.size(); i++) assertThat(table.entity(ids.get(i))).isSameAs(objects.get(i));

        Random random = new Random(7);
        List<Integer> removed = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (random.nextInt(3) == 0) {
                table.remove(ids.get(i), new Object()); // not the registered object: nothing happens
                table.remove(ids.get(i), objects.get(i));
                removed.add(i);
            }
        }
        assertThat(table.size()).isEqualTo(ids.size() - removed.size());
        for (int i = 0; i < ids.size(); i++) {
            assertThat(table.entity(ids.get(i))).isSameAs(removed.contains(i) ? null : objects.get(i));
        }
        assertThat(table.entity(-1L)).isNull();
        assertThat(table.tracked()).as("only remembered objects: none tracked").isZero();
    }

    @Test
    void keyTableCountsTrackedStatesThroughReplacementAndRemoval() {
        KeyTable table = new KeyTable(authors);
        Author a = author(1L);
        EntityState state = new EntityState(authors, a, EntityStatus.PERSISTENT, 1L, new Object[authors.columns().size()]);
        table.put(1L, a);
        assertThat(table.tracked()).isZero();
        table.put(1L, state);
        assertThat(table.tracked()).isEqualTo(1);
        table.put(1L, state);
        assertThat(table.tracked()).isEqualTo(1);
        assertThat(table.entity(1L)).isSameAs(a);
        table.remove(1L, a);
        assertThat(table.tracked()).isZero();
        assertThat(table.size()).isZero();
    }

    @Test
    void loadedObjectsAreFoundByKeyAndByObjectWithoutAnIdentityIndex() {
        IdentityMap map = new IdentityMap();
        Author a = author(1L);
        EntityState state = map.loaded(authors, a, 1L, new Object[authors.columns().size()]);
        assertThat(map.get(new EntityKey(Author.class, 1L))).isSameAs(a);
        assertThat(map.get(authors, 1L)).isSameAs(a);
        assertThat(map.stateOf(a)).isSameAs(state);
        assertThat(state.key()).isEqualTo(new EntityKey(Author.class, 1L));
        assertThat(map.size()).isEqualTo(1);
        assertThat(map.stateOf(author(1L))).as("another object with the same id").isNull();
        assertThat(map.stateOf(author(2L))).isNull();
    }

    @Test
    void aHeldObjectWhoseIdWasChangedInMemoryIsStillKnown() {
        IdentityMap map = new IdentityMap();
        Author a = author(1L);
        EntityState state = map.loaded(authors, a, 1L, new Object[authors.columns().size()]);
        authors.idColumns().get(0).set(a, 99L);
        assertThat(map.stateOf(a)).isSameAs(state);
        assertThat(map.get(authors, 1L)).as("still filed under the key its row has").isSameAs(a);
        map.remove(state);
        assertThat(map.stateOf(a)).isNull();
        assertThat(map.get(authors, 1L)).isNull();
        assertThat(map.size()).isZero();
    }

    @Test
    void pendingObjectsMoveToTheirKeyWhenInsertedAndBackWhenTheInsertIsUndone() {
        IdentityMap map = new IdentityMap();
        Author a = author(null);
        EntityState state = map.pending(authors, a);
        assertThat(map.stateOf(a)).isSameAs(state);
        authors.idColumns().get(0).set(a, 5L);
        map.inserted(state, new EntityKey(Author.class, 5L), new Object[authors.columns().size()]);
        assertThat(map.get(authors, 5L)).isSameAs(a);
        assertThat(map.stateOf(a)).isSameAs(state);
        map.uninserted(state, null);
        authors.idColumns().get(0).set(a, null);
        assertThat(map.get(authors, 5L)).isNull();
        assertThat(map.stateOf(a)).isSameAs(state);
        assertThat(state.status()).isEqualTo(EntityStatus.PENDING);
    }

    @Test
    void insertedObjectsThatLeaveTheSessionAreForgottenAndCanJoinAgain() {
        // An INSERT leaves the object's identity entry behind; these checks make sure such entries never
        // answer for an object that left the session, before and after they are swept out.
        IdentityMap few = new IdentityMap();
        Author one = author(null);
        EntityState oneState = few.pending(authors, one);
        authors.idColumns().get(0).set(one, 1L);
        few.inserted(oneState, new EntityKey(Author.class, 1L), new Object[authors.columns().size()]);
        few.remove(oneState); // too few stale entries to sweep: the entry stays, and must not answer
        assertThat(few.stateOf(one)).isNull();
        authors.idColumns().get(0).set(one, null);
        assertThat(few.stateOf(one)).isNull();

        IdentityMap map = new IdentityMap();
        List<Author> inserted = new ArrayList<>();
        List<EntityState> states = new ArrayList<>();
        for (long id = 1; id <= 200; id++) {
            Author a = author(null);
            EntityState state = map.pending(authors, a);
            authors.idColumns().get(0).set(a, id);
            map.inserted(state, new EntityKey(Author.class, id), new Object[authors.columns().size()]);
            inserted.add(a);
            states.add(state);
        }
        // A held object whose id was changed in memory is still known as itself.
        Author moved = inserted.get(7);
        authors.idColumns().get(0).set(moved, 9_999L);
        assertThat(map.stateOf(moved)).isSameAs(states.get(7));
        authors.idColumns().get(0).set(moved, 8L);

        for (int i = 0; i < 150; i++) map.remove(states.get(i)); // sweeps once stale entries are the majority
        for (int i = 0; i < 200; i++) {
            assertThat(map.stateOf(inserted.get(i))).as("author %d", i).isSameAs(i < 150 ? null : states.get(i));
            assertThat(map.get(authors, (long) i + 1)).isSameAs(i < 150 ? null : inserted.get(i));
        }
        assertThat(map.size()).isEqualTo(50);

        Author back = inserted.get(3);
        authors.idColumns().get(0).set(back, null);
        EntityState again = map.pending(authors, back);
        assertThat(again).isNotSameAs(states.get(3));
        assertThat(map.stateOf(back)).isSameAs(again);
        assertThat(map.states()).hasSize(51).endsWith(again);
    }

    @Test
    void aSecondObjectForAHeldKeyIsRefused() {
        IdentityMap map = new IdentityMap();
        map.loaded(authors, author(3L), 3L, new Object[authors.columns().size()]);
        assertThatThrownBy(() -> map.pending(authors, author(3L)))
                .hasMessageContaining("Another Author object with key Author[3] is already in this session");
    }

    @Test
    void statesKeepTheOrderObjectsJoinedInAcrossRemovalsAndReinstatement() {
        IdentityMap map = new IdentityMap();
        List<EntityState> states = new ArrayList<>();
        for (long i = 1; i <= 200; i++) states.add(map.loaded(authors, author(i), i, new Object[authors.columns().size()]));
        for (int i = 0; i < 150; i++) map.remove(states.get(i)); // enough to compact the order list
        map.reinstate(states.get(10), EntityStatus.PERSISTENT);
        List<EntityState> expected = new ArrayList<>(states.subList(150, 200));
        expected.add(states.get(10));
        assertThat(map.states()).containsExactlyElementsOf(expected);
        assertThat(map.stateOf(states.get(10).entity())).isSameAs(states.get(10));
        assertThat(map.size()).isEqualTo(51);
        map.clear();
        assertThat(map.size()).isZero();
        assertThat(map.get(authors, 160L)).isNull();
    }

    @Test
    void rememberedObjectsAreFoundByKeyButNotTracked() {
        IdentityMap map = new IdentityMap();
        Author a = author(8L);
        map.remember(authors, 8L, a);
        assertThat(map.get(authors, 8L)).isSameAs(a);
        assertThat(map.stateOf(a)).isNull();
        assertThat(map.size()).isZero();
    }
}
