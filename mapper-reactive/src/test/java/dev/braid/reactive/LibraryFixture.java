package dev.braid.reactive;

import dev.braid.reactive.graph.Novel;
import dev.braid.reactive.graph.Review;
import dev.braid.reactive.graph.Writer;

import java.util.List;

/**
 * Seed 002's library in the graph model: Austen (Pride and Prejudice with a 5-star review, Emma),
 * Tolstoy (War and Peace with a 4-star review), Nobody (no books).
 */
final class LibraryFixture {
    private LibraryFixture() {}

    static void seed(Mapper mapper) {
        mapper.inTransaction(s -> {
            Writer austen = new Writer("Jane Austen");
            Writer tolstoy = new Writer("Leo Tolstoy");
            Writer nobody = new Writer("Nobody");
            Novel pride = new Novel("Pride and Prejudice", austen);
            new Novel("Emma", austen);
            Novel war = new Novel("War and Peace", tolstoy);
            Review r1 = new Review(5);
            r1.book.set(pride);
            Review r2 = new Review(4);
            r2.book.set(war);
            return s.addAll(List.of(austen, tolstoy, nobody));
        }).blockLast(MapperTestBase.TIMEOUT);
    }
}
