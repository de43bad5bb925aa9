package dev.braid.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

/**
 * The JMH table's companion for a noisy machine: every workload's Braid variants and its hand-written
 * baseline run in the same JVM, alternating round by round (the order rotating each round), and
 * each round gives one ratio per variant. The median of those ratios is what this prints.
 *
 * <p>Why: on a shared machine whole JMH forks run 1.3-1.5x slower than others, and each JMH
 * benchmark has forks of its own, so a ratio of two JMH scores compares two draws of that noise.
 * Paired rounds see the same machine state on both sides; drift cancels out of each ratio.
 * JMH stays the source of the absolute numbers (warm-up, forks, dead-code safety); this is the
 * source of the ratios. Checksums are compared in every round, as in the smoke test.
 *
 * <pre>
 * java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar dev.braid.benchmarks.PairedRatios [rounds] [databases...]
 * </pre>
 * Databases: {@code h2}, {@code postgresql}, {@code mariadb} (see {@link BenchDatabase}).
 * Defaults: 40 rounds after 10 warm-up rounds, H2 and PostgreSQL (about 5 minutes here).
 * {@code -Dworkloads=W1,W4} runs only the workloads whose names start with one of those prefixes.
 */
public final class PairedRatios {
    private PairedRatios() {}

    /** One way to run a workload: the argument is a per-round input (a page start), the result its checksum. */
    private record Variant(String name, LongFunction<Long> run) {}

    /** A workload: its variants (the baseline last), how many calls one timing covers, and per-call set-up/clean-up. */
    private record Workload(String name, List<Variant> variants, int callsPerTiming, Runnable before, Runnable after) {}

    public static void main(String[] args) {
        List<String> jvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (!jvm.contains("-XX:+AlwaysPreTouch")) {
            System.out.println("Note: run with -Xms2g -Xmx2g -XX:+AlwaysPreTouch (as the JMH forks are): without them first-touch"
                    + " page faults in new heap regions slow whichever side allocates more, which is this machine, not the code.");
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        List<String> databases = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of("h2", "postgresql");
        StringBuilder out = new StringBuilder();
        out.append("| workload | database | Braid / baseline | read-only / baseline | baseline ms |\n");
        out.append("| --- | --- | --- | --- | --- |\n");
        for (String db : databases) {
            for (String row : run(db, 10_000, rounds)) out.append(row).append('\n');
        }
        System.out.println();
        System.out.print(out);
    }

    /** The table rows for one database holding {@code authors} authors (and as many users). */
    static List<String> run(String db, int authors, int rounds) {
        List<String> rows = new ArrayList<>();
        try (BenchDatabase database = new BenchDatabase(db, authors, authors)) {
            for (Workload w : workloads(database)) {
                if (!selected(w.name())) continue;
                String row = row(w, db, measure(w, rounds, authors));
                System.out.println(row);
                rows.add(row);
            }
        }
        return rows;
    }

    /** Whether {@code -Dworkloads} (comma-separated name prefixes; all when unset) selects this workload. */
    private static boolean selected(String workload) {
        return selected(workload, System.getProperty("workloads", ""));
    }

    static boolean selected(String workload, String only) {
        return only.isBlank() || Arrays.stream(only.split(",")).map(String::trim).anyMatch(workload::startsWith);
    }

    private static List<Workload> workloads(BenchDatabase database) {
        BraidWorkloads braid = new BraidWorkloads(database.mapper);
        HandWrittenWorkloads hand = new HandWrittenWorkloads(database.pool, database.kind);
        int authors = database.authors;
        Runnable nothing = () -> {};
        Runnable removeInserted = () -> database.run("DELETE FROM books WHERE author_id > " + authors,
                "DELETE FROM authors WHERE id > " + authors);
        AtomicReference<List<Long>> toDelete = new AtomicReference<>();
        Runnable insertToDelete = () -> {
            hand.insertAuthorsWithBooks(1000, "w6 author ").block();
            toDelete.set(database.ids("SELECT id FROM authors WHERE id > " + authors));
        };
        List<Workload> all = new ArrayList<>();
        all.add(new Workload("W1 read 100,000 books", List.of(
                new Variant("tracked", x -> braid.readAllBooks(false).block()),
                new Variant("read-only", x -> braid.readAllBooks(true).block()),
                new Variant("baseline", x -> hand.readAllBooks().block())), 1, nothing, nothing));
        all.add(new Workload("W2 10,000 authors with their books", List.of(
                new Variant("tracked", x -> braid.authorsWithBooks(false).block()),
                new Variant("read-only", x -> braid.authorsWithBooks(true).block()),
                new Variant("baseline", x -> hand.authorsWithBooks().block())), 1, nothing, nothing));
        all.add(new Workload("W3 10,000 users with their groups", List.of(
                new Variant("tracked", x -> braid.usersWithGroups(false).block()),
                new Variant("read-only", x -> braid.usersWithGroups(true).block()),
                new Variant("baseline", x -> hand.usersWithGroups().block())), 1, nothing, nothing));
        all.add(new Workload("W4 page of 100 authors with books", List.of(
                new Variant("tracked", first -> braid.pageOfAuthors(first, false).block()),
                new Variant("read-only", first -> braid.pageOfAuthors(first, true).block()),
                new Variant("baseline", first -> hand.pageOfAuthors(first).block())), 25, nothing, nothing));
        all.add(new Workload("W5 insert 1,000 authors x 10 books", List.of(
                new Variant("tracked", x -> braid.insertAuthorsWithBooks(1000, "w5 author ").block()),
                new Variant("baseline", x -> hand.insertAuthorsWithBooks(1000, "w5 author ").block())), 1, nothing, removeInserted));
        all.add(new Workload("W6 delete them by key (deleteByKeys, cascade)", List.of(
                new Variant("tracked", x -> braid.deleteAuthors(toDelete.get()).block()),
                new Variant("baseline", x -> hand.deleteAuthors(toDelete.get()).block())), 1, insertToDelete, nothing));
        all.add(new Workload("W6 read first, then delete() each", List.of(
                new Variant("tracked", x -> braid.deleteAuthorsReadFirst(toDelete.get()).block()),
                new Variant("baseline", x -> hand.deleteAuthors(toDelete.get()).block())), 1, insertToDelete, nothing));
        all.add(new Workload("W6 with `delete()` (bulk)", List.of(
                new Variant("tracked", x -> braid.deleteAuthorsBulk(toDelete.get()).block()),
                new Variant("baseline", x -> hand.deleteAuthors(toDelete.get()).block())), 1, insertToDelete, nothing));
        // Against Braid's own selectin (W4 tracked): the target is within 1.2x of it.
        all.add(new Workload("W7 page of 100 authors, books by 100 flatMap loads (vs W4 selectin)", List.of(
                new Variant("coalesced", first -> braid.pageOfAuthorsLoadedOneByOne(first).block()),
                new Variant("selectin", first -> braid.pageOfAuthors(first, false).block())), 25, nothing, nothing));
        return all;
    }

    /** Per variant, the ms per call of every measured round; the last row is the baseline's. */
    private static double[][] measure(Workload w, int rounds, int authors) {
        int warmUp = Math.max(3, rounds / 4);
        int n = w.variants().size();
        double[][] millis = new double[n][rounds];
        SplittableRandom random = new SplittableRandom(42);
        for (int round = -warmUp; round < rounds; round++) {
            long[] starts = new long[w.callsPerTiming()];
            for (int c = 0; c < starts.length; c++) starts[c] = 1 + random.nextInt(Math.max(1, authors - 99));
            Long expected = null;
            for (int k = 0; k < n; k++) {
                int v = Math.floorMod(k + round, n); // rotate who goes first
                Variant variant = w.variants().get(v);
                long total = 0;
                long checksum = 0;
                for (long first : starts) {
                    w.before().run();
                    long t0 = System.nanoTime();
                    checksum += variant.run().apply(first);
                    total += System.nanoTime() - t0;
                    w.after().run();
                }
                if (expected != null && expected != checksum) {
                    throw new IllegalStateException(w.name() + ": " + variant.name() + " returned checksum " + checksum
                            + ", another variant " + expected + " in the same round");
                }
                expected = checksum;
                if (round >= 0) millis[v][round] = total / 1e6 / starts.length;
            }
        }
        return millis;
    }

    private static String row(Workload w, String db, double[][] millis) {
        int baseline = millis.length - 1;
        String tracked = ratio(millis[0], millis[baseline]);
        String readOnly = millis.length == 3 ? ratio(millis[1], millis[baseline]) : "";
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |", w.name(), BenchDatabase.label(db),
                tracked, readOnly, PerformanceTable.ms(median(millis[baseline])));
    }

    /** The median of the per-round ratios, with the middle half of them in brackets. */
    static String ratio(double[] variant, double[] baseline) {
        double[] r = new double[variant.length];
        for (int i = 0; i < r.length; i++) r[i] = variant[i] / baseline[i];
        Arrays.sort(r);
        return String.format(Locale.ROOT, "%.2fx (%.2f-%.2f)", median(r), r[r.length / 4], r[(3 * r.length) / 4]);
    }

    static double median(double[] values) {
        return PerformanceTable.median(Arrays.stream(values).boxed().toList());
    }
}
