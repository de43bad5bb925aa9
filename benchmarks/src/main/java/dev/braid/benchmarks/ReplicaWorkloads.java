package dev.braid.benchmarks;

import dev.braid.benchmarks.model.Author;
import dev.braid.query.Loads;
import dev.braid.reactive.Mapper;
import dev.braid.reactive.ReadYourWrites;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static dev.braid.benchmarks.BraidWorkloads.AUTHOR_BOOKS;
import static dev.braid.benchmarks.BraidWorkloads.AUTHOR_ID;

/**
 * {@link ReplicaReads}' two workloads, each checking what it read: concurrent readers of pages of authors with their
 * books ({@code mapper.readOnly}, W4's query), and a write then a read of it by one reader ({@link ReadYourWrites}).
 */
final class ReplicaWorkloads {
    private static final Duration BLOCK = Duration.ofMinutes(2);

    private ReplicaWorkloads() {}

    /** Authors {@code first..first+99} with their books, read-only; returns W4's checksum after checking it. */
    static Mono<Long> page(Mapper mapper, long first) {
        return mapper.readOnly(s -> s.select(Author.class).where(AUTHOR_ID.between(first, first + 99))
                        .options(Loads.selectin(AUTHOR_BOOKS)).all())
                .reduce(0L, BraidWorkloads::authorChecksum)
                .doOnNext(sum -> {
                    if (sum != expectedPage(first)) {
                        throw new IllegalStateException("Page at " + first + ": checksum " + sum + ", expected "
                                + expectedPage(first) + " (rows missing or wrong)");
                    }
                });
    }

    /** The seed data's page checksum: author {@code a} has books {@code 10(a-1)+1..10a}, so it adds {@code 101a - 45}. */
    static long expectedPage(long first) {
        long ids = 100 * first + 99 * 100 / 2;
        return 101 * ids - 45 * 100;
    }

    /**
     * {@code readers} concurrent readers, each reading random pages of {@code authors} one after the other until
     * {@code nanos} have passed; returns the pages read.
     */
    static long readFor(Mapper mapper, int readers, long nanos, int authors, long seed) {
        long deadline = System.nanoTime() + nanos;
        return Flux.range(0, readers).flatMap(r -> {
            SplittableRandom random = new SplittableRandom(seed * 1_000 + r);
            return Mono.defer(() -> page(mapper, 1 + random.nextInt(authors - 99)))
                    .repeat(() -> System.nanoTime() < deadline)
                    .count();
        }, readers).reduce(0L, Long::sum).block(BLOCK.plusNanos(nanos));
    }

    /**
     * One reader's write then read of it: a transaction adding one author, then a read-only session reading it
     * back by key, both under one {@link ReadYourWrites}. Returns the nanoseconds of the write and of the read.
     */
    static long[] writeThenRead(Mapper mapper, String name) {
        ReadYourWrites reader = ReadYourWrites.start();
        Author author = new Author(name);
        long t0 = System.nanoTime();
        mapper.inTransaction(s -> s.add(author)).contextWrite(reader.context()).blockLast(BLOCK);
        long t1 = System.nanoTime();
        List<Author> back = mapper.readOnly(s -> s.select(Author.class).where(AUTHOR_ID.eq(author.id)).all())
                .contextWrite(reader.context()).collectList().block(BLOCK);
        long t2 = System.nanoTime();
        if (back == null || back.size() != 1 || !name.equals(back.get(0).name)) {
            throw new IllegalStateException("The read after writing author " + author.id + " (" + name + ") found "
                    + (back == null ? "nothing" : back.size() + " rows") + ": read-your-writes did not hold");
        }
        return new long[] {t1 - t0, t2 - t1};
    }
}
