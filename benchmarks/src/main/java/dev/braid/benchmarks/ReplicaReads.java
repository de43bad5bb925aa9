package dev.braid.benchmarks;

import dev.braid.reactive.Mapper;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Replica routing measured (issue 21), on a PostgreSQL primary and a streaming standby of it, in paired rounds as
 * {@link PairedRatios} does: each round runs the primary-only mapper and the routed one (same pools of 10
 * connections a server, same process, the order rotating), and the tables give medians over the rounds, and for a
 * ratio the median of the per-round ratios with its middle half in brackets (the noise).
 * <ol>
 *   <li>Read throughput: N concurrent readers, each reading random pages of 100 authors with their books
 *       ({@code mapper.readOnly}, books by selectin) for the round's time; pages read per second. A third mapper,
 *       a plain one on the standby, separates the routing's own cost from the two servers' difference.</li>
 *   <li>Read-your-writes: one reader adds an author ({@code inTransaction}) then reads it back
 *       ({@code readOnly}) under one {@code ReadYourWrites}; latency of the pair and of the read alone, and
 *       whether the replica served the read (after waiting for its replay) or the primary did.</li>
 * </ol>
 * The machine's CPU use per round is read from {@code /proc/stat}: on one machine both servers share its cores,
 * so this does not show what a replica on its own machine adds.
 *
 * <pre>
 * java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar dev.braid.benchmarks.ReplicaReads \
 *     PRIMARY_URL REPLICA_URL [rounds] [seconds-per-round]
 * </pre>
 * URLs as {@code r2dbc:postgresql://postgres@host:port/db}; schema {@value ReplicaBench#SCHEMA} is (re)created on
 * the primary. Defaults: 10 rounds of 3 s. On the test kit's pair (both servers on this machine):
 * <pre>
 * mvn -o -q -pl mapper-core/processor,mapper-core,mapper-reactive,benchmarks -am test-compile \
 *     dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp benchmarks/target/test-classes:benchmarks/target/classes:$(cat \
 *     benchmarks/target/test-classpath.txt) dev.braid.benchmarks.ReplicaReadsOnKit [rounds] [seconds-per-round]
 * </pre>
 */
public final class ReplicaReads {
    private ReplicaReads() {}

    /**
     * What to run: {@code rounds} measured after {@code warmUp}, each {@code round} long per mapper and reader count,
     * and {@code writesPerRound} write-then-read pairs per mapper and round.
     */
    record Settings(int rounds, int warmUp, Duration round, List<Integer> readers, int writesPerRound) {}

    /**
     * The markdown tables; the data reads the replica served under the primary-only and the routed mapper, and the
     * primary under the routed one; the writes per mapper, and where the two routed mappers read them back.
     */
    record Result(String table, long aloneReplicaReads, long routedReplicaReads, long routedPrimaryReads,
                  long writes, long writesReadOnReplica, long writesReadOnPrimary, long probes) {}

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("Usage: ReplicaReads PRIMARY_URL REPLICA_URL [rounds] [seconds-per-round]");
            System.exit(2);
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Duration round = Duration.ofMillis(args.length > 3 ? (long) (Double.parseDouble(args[3]) * 1000) : 3000);
        try (ReplicaBench bench = new ReplicaBench(args[0], args[1], 10_000, 10)) {
            System.out.println(run(bench, new Settings(rounds, 2, round, List.of(16, 64), 40)).table());
        }
    }

    static Result run(ReplicaBench bench, Settings s) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Load average before: %s; %d rounds of %d ms"
                + " after %d warm-up rounds, %d cores%n%n", loadAverage(), s.rounds(), s.round().toMillis(), s.warmUp(),
                Runtime.getRuntime().availableProcessors()));
        out.append("| readers | primary alone, pages/s | primary + replica (routed), pages/s | routed / alone (middle half)"
                + " | the standby directly (no routing), pages/s | routed / standby directly (middle half)"
                + " | machine CPU busy: alone / routed / standby (this JVM's share) |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n");
        bench.resetCounts();
        long[] reads = new long[3]; // on the replica by the primary-only, by the routed mapper; on the primary by the routed
        for (int readers : s.readers()) out.append(throughput(bench, s, readers, reads));
        ReadAfterWrite writes = ReadAfterWrite.measure(bench, s.rounds(), s.warmUp(), s.writesPerRound());
        out.append('\n').append(writes.table()).append("\nLoad average after: ").append(loadAverage()).append('\n');
        return new Result(out.toString(), reads[0], reads[1], reads[2], writes.count(), writes.onReplica(),
                writes.onPrimary(), writes.probes());
    }

    /**
     * The throughput row of {@code readers} readers, rotating the primary-only mapper (0), the routed one (1) and a
     * plain mapper on the standby (2, no routing); adds the data reads the replica served under 0 and 1, and the
     * primary under 1, to {@code reads}.
     */
    private static String throughput(ReplicaBench bench, Settings s, int readers, long[] reads) {
        List<Mapper> mappers = List.of(bench.alone, bench.routed, bench.onStandby);
        int n = mappers.size();
        double[][] perSecond = new double[n][s.rounds()];
        double[][] busy = new double[n][s.rounds()];
        double[][] jvm = new double[n][s.rounds()];
        for (int round = -s.warmUp(); round < s.rounds(); round++) {
            for (int k = 0; k < n; k++) {
                int v = Math.floorMod(k + round, n); // rotate who goes first
                long replicaBefore = bench.replicaReads.get();
                long primaryBefore = bench.primaryReads.get();
                Cpu before = Cpu.now();
                long t0 = System.nanoTime();
                long pages = ReplicaWorkloads.readFor(mappers.get(v), readers, s.round().toNanos(), bench.authors, round);
                long elapsed = System.nanoTime() - t0;
                Cpu after = Cpu.now();
                if (v < 2) reads[v] += bench.replicaReads.get() - replicaBefore;
                if (v == 1) reads[2] += bench.primaryReads.get() - primaryBefore;
                if (round < 0) continue;
                perSecond[v][round] = pages / (elapsed / 1e9);
                busy[v][round] = after.busyShare(before);
                jvm[v][round] = after.jvmShare(before, elapsed);
            }
        }
        return String.format(Locale.ROOT, "| %d | %.0f | %.0f | %s | %.0f | %s | %s / %s / %s (%s / %s / %s) |%n",
                readers, PairedRatios.median(perSecond[0]), PairedRatios.median(perSecond[1]),
                PairedRatios.ratio(perSecond[1], perSecond[0]), PairedRatios.median(perSecond[2]),
                PairedRatios.ratio(perSecond[1], perSecond[2]), percent(busy[0]), percent(busy[1]), percent(busy[2]),
                percent(jvm[0]), percent(jvm[1]), percent(jvm[2]));
    }

    static String latency(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) return "-";
        double median = PairedRatios.median(Arrays.stream(sorted).asDoubleStream().toArray());
        long p95 = sorted[Math.max(0, (int) Math.ceil(0.95 * sorted.length) - 1)];
        return String.format(Locale.ROOT, "%.2f / %.2f", median / 1e6, p95 / 1e6);
    }

    private static String percent(double[] shares) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * PairedRatios.median(shares));
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The machine's busy and total CPU ticks ({@code /proc/stat}; zeros elsewhere) and this JVM's CPU time. */
    private record Cpu(long busy, long total, long jvmNanos) {
        static Cpu now() {
            long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < f.length && i <= 8; i++) total += Long.parseLong(f[i]);
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new Cpu(total - idle, total, jvm);
            } catch (java.io.IOException | RuntimeException e) {
                return new Cpu(0, 0, jvm);
            }
        }

        double busyShare(Cpu before) {
            return total == before.total ? 0 : (busy - before.busy) / (double) (total - before.total);
        }

        double jvmShare(Cpu before, long wallNanos) {
            return (jvmNanos - before.jvmNanos) / (double) wallNanos / Runtime.getRuntime().availableProcessors();
        }
    }
}
