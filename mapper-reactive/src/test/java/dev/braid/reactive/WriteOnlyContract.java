package dev.braid.reactive;

import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Item;
import dev.braid.reactive.graph.Item_;
import dev.braid.reactive.graph.Shelf;
import dev.braid.reactive.graph.Shelf_;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** WRITE_ONLY collections: append and remove without loading, query them instead of iterating. */
abstract class WriteOnlyContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return GraphModel.registry();
    }

    private Long seedShelf() {
        Shelf shelf = new Shelf("big");
        mapper.inTransactionMono(s -> s.add(shelf)).block(TIMEOUT);
        recorder().clear();
        return shelf.id;
    }

    @Test
    void appendingWritesChildrenWithoutLoadingTheCollection() {
        Long id = seedShelf();
        mapper.inTransaction(s -> s.get(Shelf.class, id).doOnNext(shelf -> {
            shelf.items.add(new Item("apple"));
            shelf.items.add(new Item("avocado"));
            shelf.items.add(new Item("banana"));
        })).blockLast(TIMEOUT);
        List<String> expected = new java.util.ArrayList<>(List.of(
                "SELECT shelves.id, shelves.name FROM shelves WHERE shelves.id = $1"));
        expected.addAll(insertRows("items", 3, "label, shelf_id", "$1, $2", "id, label, shelf_id", "bigint, text, bigint"));
        assertThat(recorder().statements()).containsExactlyElementsOf(expected);
        assertThat(rows("SELECT label, shelf_id FROM items ORDER BY id")).containsExactly(
                List.of("apple", id), List.of("avocado", id), List.of("banana", id));
    }

    @Test
    void theCollectionIsQueriedNotIterated() {
        Long id = seedShelf();
        StepVerifier.create(mapper.inTransaction(s -> s.get(Shelf.class, id).flatMapMany(shelf -> {
                    shelf.items.add(new Item("apple"));
                    shelf.items.add(new Item("banana"));
                    // pending additions are flushed before the query runs
                    return s.select(shelf.items).where(Item_.label.startsWith("a")).all().map(i -> i.label)
                            .concatWith(s.select(shelf.items).count().map(String::valueOf));
                })))
                .expectNext("apple", "2")
                .verifyComplete();
        assertThat(recorder().statements()).contains(
                escaped("SELECT items.id, items.label, items.shelf_id FROM items WHERE items.shelf_id = $1 AND items.label LIKE $2 ESCAPE '\\'"),
                "SELECT COUNT(*) FROM items WHERE items.shelf_id = $1");
    }

    @Test
    void removingDeletesTheOrphanAndTheReferenceSideSyncs() {
        Long id = seedShelf();
        mapper.inTransaction(s -> s.get(Shelf.class, id).doOnNext(shelf -> {
            shelf.items.add(new Item("keep"));
            shelf.items.add(new Item("drop"));
        })).blockLast(TIMEOUT);
        StepVerifier.create(mapper.inTransaction(s -> s.get(Shelf.class, id).flatMapMany(shelf ->
                        s.select(shelf.items).where(Item_.label.eq("drop")).one()
                                .doOnNext(shelf.items::remove)
                                .then(s.select(shelf.items).count()))))
                .expectNext(1L)
                .verifyComplete();
        assertThat(rows("SELECT label FROM items")).containsExactly(List.of("keep"));

        Shelf fresh = new Shelf("new");
        Item item = new Item("x");
        item.shelf.set(fresh);
        assertThat(fresh.items.pendingAdditions()).containsExactly(item);
    }

    @Test
    void askingToLoadItFailsNamingTheQueryToUseInstead() {
        seedShelf();
        StepVerifier.create(mapper.withSession(s -> s.select(Shelf.class).options(Loads.selectin(Shelf_.items)).all()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MapperException.class)
                        .hasMessageContaining("Shelf.items is WRITE_ONLY and is never loaded")
                        .hasMessageContaining("session.select(shelf.items)"))
                .verify(TIMEOUT);
    }
}
