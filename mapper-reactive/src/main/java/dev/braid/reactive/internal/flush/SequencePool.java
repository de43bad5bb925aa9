package dev.braid.reactive.internal.flush;

import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pooled ("pooled-lo") allocation of sequence keys, one per mapper, shared by its sessions: one
 * {@code nextval} returning {@code v} reserves the block {@code v .. v + allocationSize - 1} (the DDL
 * creates the sequence with {@code INCREMENT BY allocationSize}). Sessions take keys from the current
 * block with a compare-and-set, never a lock; a session that finds it empty draws a new block on its own
 * connection (two sessions at once each draw their own; a block's rest, left over, becomes the current
 * block when that is used up). Keys of a block a failed flush took are not reused: gaps, as with any
 * sequence.
 */
public final class SequencePool {
    /** The unused keys {@code next .. end - 1} of a drawn block. */
    private record Block(long next, long end) {
        long size() { return end - next; }
    }

    private final SqlRenderer renderer;
    private final StatementExecutor executor;
    private final Map<String, AtomicReference<Block>> blocks = new ConcurrentHashMap<>();

    public SequencePool(SqlRenderer renderer, StatementExecutor executor) {
        this.renderer = renderer;
        this.executor = executor;
    }

    /**
     * {@code count} keys of {@code sequence}, in increasing order, drawing as many blocks as needed,
     * one statement each.
     *
     * @param entity the entity the keys are for (named in the statement's origin)
     */
    public Mono<long[]> take(Connection connection, String sequence, int allocationSize, int count, Class<?> entity) {
        AtomicReference<Block> current = blocks.computeIfAbsent(sequence.toLowerCase(Locale.ROOT),
                k -> new AtomicReference<>(new Block(0, 0)));
        long[] keys = new long[count];
        int taken = takeFrom(current, keys, 0);
        if (taken == count) return Mono.just(keys);
        int[] filled = {taken};
        RenderedSql sql = renderer.renderWith(w -> renderer.dialect().sequences().nextValue(sequence, w))
                .withOrigin(StatementOrigin.flushStep("ALLOCATE_IDS", entity));
        return Flux.range(0, (count - taken + allocationSize - 1) / allocationSize)
                .concatMap(i -> executor.returning(connection, sql, List.of(Long.class)))
                .doOnNext(rows -> {
                    long first = ((Number) rows.get(0)[0]).longValue();
                    Block drawn = new Block(first, first + allocationSize);
                    int use = (int) Math.min(drawn.size(), count - filled[0]);
                    for (int i = 0; i < use; i++) keys[filled[0]++] = first + i;
                    Block rest = new Block(first + use, drawn.end());
                    if (rest.size() > 0) {
                        Block seen = current.get();
                        if (seen.size() == 0) current.compareAndSet(seen, rest); // else the rest is a gap
                    }
                })
                .then(Mono.fromCallable(() -> keys));
    }

    /**
     * Forgets every drawn block: the mapper's {@code Schema} dropped or recreated the sequences, which start
     * again at 1, so the keys of an old block would be drawn again.
     */
    public void clear() {
        blocks.clear();
    }

    /** Takes keys from the current block into {@code keys} from {@code at}; how many are filled now. */
    private static int takeFrom(AtomicReference<Block> current, long[] keys, int at) {
        while (true) {
            Block block = current.get();
            int take = (int) Math.min(block.size(), keys.length - at);
            if (take == 0) return at;
            if (current.compareAndSet(block, new Block(block.next() + take, block.end()))) {
                for (int i = 0; i < take; i++) keys[at + i] = block.next() + i;
                return at + take;
            }
        }
    }
}
