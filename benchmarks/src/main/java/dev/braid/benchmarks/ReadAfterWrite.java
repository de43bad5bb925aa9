package dev.braid.benchmarks;

import dev.braid.reactive.Mapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link ReplicaReads}' read-your-writes rounds: one reader adds an author then reads it back
 * ({@link ReplicaWorkloads#writeThenRead}) with the primary-only mapper, the routed one (5 ms poll interval, the
 * default) and the routed one polling every millisecond, the order rotating round by round; the latencies, where each
 * routed read ran, and how many replay-position queries it took (one: the replica had replayed the write when first
 * asked; more: the read waited for the replay).
 */
final class ReadAfterWrite {
    private static final String[] HEADERS =
            {"primary alone", "primary + replica", "primary + replica, `pollInterval` 1 ms"};

    private final List<List<Long>> total = new ArrayList<>();
    private final List<List<Long>> read = new ArrayList<>();
    private final List<List<Long>> write = new ArrayList<>();
    private final List<List<Long>> waitedRead = new ArrayList<>();
    private final long[] onReplica;
    private final long[] onPrimary;
    private final long[] probes;
    private final long count;

    private ReadAfterWrite(int mappers, long count) {
        for (int v = 0; v < mappers; v++) {
            for (List<List<Long>> l : List.of(total, read, write, waitedRead)) l.add(new ArrayList<>());
        }
        this.onReplica = new long[mappers];
        this.onPrimary = new long[mappers];
        this.probes = new long[mappers];
        this.count = count;
    }

    /** Runs {@code warmUp} then {@code rounds} rounds of {@code perRound} write-then-reads per mapper. */
    static ReadAfterWrite measure(ReplicaBench bench, int rounds, int warmUp, int perRound) {
        List<Mapper> mappers = List.of(bench.alone, bench.routed, bench.routedPolling1ms);
        int n = mappers.size();
        ReadAfterWrite m = new ReadAfterWrite(n, (long) rounds * perRound);
        for (int round = -warmUp; round < rounds; round++) {
            for (int k = 0; k < n; k++) {
                int v = Math.floorMod(k + round, n); // rotate who goes first
                for (int i = 0; i < perRound; i++) {
                    long replicaBefore = bench.replicaReads.get();
                    long primaryBefore = bench.primaryReads.get();
                    long probesBefore = bench.replicaProbes.get();
                    long[] nanos = ReplicaWorkloads.writeThenRead(mappers.get(v), "ryw " + v + " " + round + " " + i);
                    if (round < 0) continue;
                    long asked = bench.replicaProbes.get() - probesBefore;
                    m.write.get(v).add(nanos[0]);
                    m.read.get(v).add(nanos[1]);
                    m.total.get(v).add(nanos[0] + nanos[1]);
                    if (asked > 1) m.waitedRead.get(v).add(nanos[1]);
                    m.onReplica[v] += bench.replicaReads.get() - replicaBefore;
                    m.onPrimary[v] += bench.primaryReads.get() - primaryBefore;
                    m.probes[v] += asked;
                }
            }
        }
        return m;
    }

    /** Write-then-reads per mapper. */
    long count() {
        return count;
    }

    /** Reads after the writes that the replica served, both routed mappers together. */
    long onReplica() {
        return onReplica[1] + onReplica[2];
    }

    /** Reads after the writes that the primary served for the routed mappers (after the wait ran out). */
    long onPrimary() {
        return onPrimary[1] + onPrimary[2];
    }

    /** Replay-position queries the routed mappers sent the replica. */
    long probes() {
        return probes[1] + probes[2];
    }

    /** The markdown table. */
    String table() {
        StringBuilder out = new StringBuilder("| add an author, then read it back (one reader) |");
        for (String header : HEADERS) out.append(' ').append(header).append(" |");
        out.append("\n| --- | --- | --- | --- |\n");
        out.append(row("write + read: median / p95 ms", total));
        out.append(row("the read after the write: median / p95 ms", read));
        out.append(row("the write (routed: + the position query): median / p95 ms", write));
        out.append(String.format(Locale.ROOT, "| reads served by the replica | 0 of %d |", count));
        for (int v = 1; v < probes.length; v++) {
            out.append(String.format(Locale.ROOT, " %d of %d (%d by the primary after the wait) |", onReplica[v], count,
                    onPrimary[v]));
        }
        out.append("\n| reads that waited for the replay (asked its position more than once) | - |");
        for (int v = 1; v < probes.length; v++) {
            int waited = waitedRead.get(v).size();
            out.append(String.format(Locale.ROOT, " %d (%.0f%%), %.2f position queries a read |", waited,
                    100.0 * waited / count, probes[v] / (double) count));
        }
        return out.append('\n').append(row("the read when it waited: median / p95 ms", waitedRead)).toString();
    }

    private static String row(String what, List<List<Long>> nanos) {
        StringBuilder row = new StringBuilder("| ").append(what).append(" |");
        for (int v = 0; v < nanos.size(); v++) {
            String cell = v == 0 && what.contains("waited") ? "-" : ReplicaReads.latency(nanos.get(v));
            row.append(' ').append(cell).append(" |");
        }
        return row.append('\n').toString();
    }
}
