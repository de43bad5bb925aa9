package dev.braid.reactive;

import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Novel;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import dev.braid.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams 1,000,000 authors with their 10,000,000 books from PostgreSQL in a JVM limited to 256 MB
 * (its own surefire execution, {@code -Xmx256m}): the graph cannot fit, so finishing proves the
 * memory bound. The heap's peak after collections is printed for the README. Scale with
 * {@code -Dbraid.stream.authors=N}.
 */
class StreamingMemoryCheck extends MapperTestBase {
    private static final int AUTHORS = Integer.getInteger("braid.stream.authors", 1_000_000);

    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }

    @Override
    protected MappingRegistry registry() { return GraphModel.registry(); }

    @Test
    void aMillionAuthorsWithTenBooksEachStreamInBoundedMemory() {
        Duration seeding = Duration.ofMinutes(10);
        // Bulk load without the foreign key and its index, then build the index once: minutes faster.
        execute("ALTER TABLE books DROP CONSTRAINT fk_books_author_id");
        execute("DROP INDEX ix_books_author_id");
        execute("INSERT INTO authors (name) SELECT 'author ' || g FROM generate_series(1, " + AUTHORS + ") g", seeding);
        execute("INSERT INTO books (title, author_id) SELECT 'book ' || g, 1 + (g - 1) / 10"
                + " FROM generate_series(1, " + (AUTHORS * 10L) + ") g", seeding);
        execute("CREATE INDEX ix_books_author_id ON books (author_id)", seeding);
        execute("ANALYZE", seeding);
        recorder().clear();
        long maxHeapLimit = Runtime.getRuntime().maxMemory();
        long start = System.nanoTime();
        long[] totals = mapper.withSession(s -> s.select(Writer.class).options(Loads.selectin(Writer_.books)).stream())
                .reduce(new long[3], (acc, w) -> {
                    acc[0]++;
                    acc[1] += w.books.size();
                    for (Novel n : w.books) acc[2] += n.id;
                    return acc;
                }).block(Duration.ofMinutes(20));
        double seconds = (System.nanoTime() - start) / 1e9;
        long expectedIdSum = (AUTHORS * 10L) * (AUTHORS * 10L + 1) / 2;
        assertThat(totals).containsExactly(AUTHORS, AUTHORS * 10L, expectedIdSum);
        long peakAfterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                peakAfterGc = Math.max(peakAfterGc, pool.getCollectionUsage().getUsed());
            }
        }
        System.out.printf("STREAM %d authors, %d books in %.1f s (%.0f authors/s); max heap %d MB; largest pool"
                        + " occupancy after GC %d MB; %d statements%n", totals[0], totals[1], seconds, totals[0] / seconds,
                maxHeapLimit >> 20, peakAfterGc >> 20, recorder().count());
        assertThat(awaitAllReleased(Duration.ofSeconds(1))).isTrue();
    }
}
