package dev.braid.reactive;

import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.joins.Basket;
import dev.braid.reactive.joins.Basket_;
import dev.braid.reactive.joins.Fruit;
import dev.braid.reactive.joins.JoinsModel;
import dev.braid.reactive.joins.Note;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 4: {@code session.get(type, id)} plans the mapping's default loads exactly as a query
 * does: a JOINED default is a LEFT OUTER JOIN in the one statement, a SELECTIN default follows it.
 */
abstract class GetDefaultLoadsContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return JoinsModel.registry();
    }

    private static final String BASKET_WITH_FRUITS = "SELECT baskets.id, baskets.label, fruits.id, fruits.name,"
            + " fruits.basket_id FROM baskets LEFT OUTER JOIN fruits ON fruits.basket_id = baskets.id"
            + " WHERE baskets.id = $1 ORDER BY baskets.id, fruits.id";

    private String notesSelectin() {
        String columns = "SELECT notes.id, notes.body, notes.basket_id";
        if (postgres()) return columns + " FROM notes WHERE notes.basket_id = ANY($1)";
        if (mariadb()) return columns + " FROM notes WHERE notes.basket_id IN ($1)";
        return columns + " FROM TABLE(k bigint = $1) braid_keys JOIN notes ON notes.basket_id = braid_keys.k";
    }

    /** Basket "full" (apple, pear; one note) and basket "empty"; returns their ids. */
    private List<Long> seed() {
        Basket full = new Basket("full");
        Basket empty = new Basket("empty");
        full.fruits.addAll(List.of(new Fruit("apple"), new Fruit("pear")));
        full.notes.add(new Note("ripe"));
        mapper.inTransaction(s -> s.addAll(List.of(full, empty))).blockLast(TIMEOUT);
        assertThat(rows("SELECT b.label, f.name FROM fruits f JOIN baskets b ON b.id = f.basket_id ORDER BY f.id"))
                .containsExactly(List.of("full", "apple"), List.of("full", "pear"));
        recorder().clear();
        return List.of(full.id, empty.id);
    }

    @Test
    void getJoinsAJoinedDefaultInOneStatementAndSelectinDefaultsFollow() {
        Long id = seed().get(0);
        StepVerifier.create(mapper.withSessionMono(s -> s.get(Basket.class, id)))
                .assertNext(basket -> {
                    assertThat(basket.label).isEqualTo("full");
                    assertThat(basket.fruits.isLoaded()).isTrue();
                    assertThat(basket.fruits).extracting(f -> f.name).containsExactly("apple", "pear");
                    assertThat(basket.fruits).allSatisfy(f -> assertThat(f.basket.get()).isSameAs(basket));
                    assertThat(basket.notes).extracting(n -> n.body).containsExactly("ripe");
                })
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(BASKET_WITH_FRUITS, notesSelectin());
    }

    @Test
    void getAndAQueryByIdBothSendOneJoinedStatement() {
        Long id = seed().get(0);
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Basket.class).where(Basket_.id.eq(id)).one()))
                .assertNext(b -> assertThat(b.fruits).hasSize(2)).verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.get(Basket.class, id)))
                .assertNext(b -> assertThat(b.fruits).hasSize(2)).verifyComplete();
        List<String> sent = recorder().statements();
        assertThat(sent).hasSize(4);
        // one() pages (LIMIT 2) so its roots go in a derived table; get needs no page.
        assertThat(sent.get(0)).isEqualTo("SELECT baskets.id, baskets.label, fruits.id, fruits.name,"
                + " fruits.basket_id FROM (SELECT baskets.id, baskets.label FROM baskets WHERE baskets.id = $1"
                + " LIMIT $2) baskets LEFT OUTER JOIN fruits ON fruits.basket_id = baskets.id"
                + " ORDER BY baskets.id, fruits.id");
        assertThat(sent.subList(1, 4)).containsExactly(notesSelectin(), BASKET_WITH_FRUITS, notesSelectin());
    }

    @Test
    void getOfAHeldObjectSendsNothing() {
        Long id = seed().get(0);
        StepVerifier.create(mapper.withSessionMono(s -> s.get(Basket.class, id)
                        .flatMap(first -> s.get(Basket.class, id).map(second -> List.of(first, second)))))
                .assertNext(pair -> assertThat(pair.get(0)).isSameAs(pair.get(1)))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(BASKET_WITH_FRUITS, notesSelectin());
    }

    @Test
    void getOfABasketWithoutFruitsLoadsAnEmptyCollection() {
        Long id = seed().get(1);
        StepVerifier.create(mapper.withSessionMono(s -> s.get(Basket.class, id)))
                .assertNext(basket -> {
                    assertThat(basket.label).isEqualTo("empty");
                    assertThat(basket.fruits.isLoaded()).isTrue();
                    assertThat(basket.fruits).isEmpty();
                    assertThat(basket.notes).isEmpty();
                })
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(BASKET_WITH_FRUITS, notesSelectin());
    }

    @Test
    void getOfAMissingKeyIsEmptyAfterOneStatement() {
        seed();
        StepVerifier.create(mapper.withSessionMono(s -> s.get(Basket.class, 424242L))).verifyComplete();
        assertThat(recorder().statements()).containsExactly(BASKET_WITH_FRUITS);
    }

    @Test
    void getWithoutEagerDefaultsIsThePlainSelectByKey() {
        seed();
        Long fruitId = (Long) value("SELECT id FROM fruits WHERE name = 'pear'");
        StepVerifier.create(mapper.withSessionMono(s -> s.get(Fruit.class, fruitId).map(f -> f.name)))
                .expectNext("pear").verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                "SELECT fruits.id, fruits.name, fruits.basket_id FROM fruits WHERE fruits.id = $1");
    }
}
