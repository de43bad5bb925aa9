package dev.braid.benchmarks;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@link BraidVsR2dbcBenchmark} on H2 and PostgreSQL (or the databases named: h2, postgresql, mariadb) and prints the README's performance table:
 * the median of the measured iterations of each benchmark (not the mean: one iteration that meets a
 * full GC or a neighbour's load moves a mean far more than a median) and each Braid variant's ratio
 * to the hand-written baseline of the same run.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.braid.benchmarks.PerformanceTable [forks] [databases...]
 * </pre>
 * Defaults: 2 forks, 3 x 3 s warm-up and 6 x 3 s measurement per fork, both databases.
 */
public final class PerformanceTable {
    private PerformanceTable() {}

    private record Row(String workload, String braid, String readOnly, String baseline, double target) {}

    private static final List<Row> ROWS = List.of(
            new Row("W1 read 100,000 books", "w1RowsBraid", "w1RowsBraidReadOnly", "w1RowsHandWritten", 1.10),
            new Row("W2 10,000 authors with their books", "w2OneToManyBraid", "w2OneToManyBraidReadOnly", "w2OneToManyHandWritten", 1.10),
            new Row("W3 10,000 users with their groups", "w3ManyToManyBraid", "w3ManyToManyBraidReadOnly", "w3ManyToManyHandWritten", 1.10),
            new Row("W4 page of 100 authors with books", "w4PageBraid", "w4PageBraidReadOnly", "w4PageHandWritten", 1.2),
            new Row("W5 insert 1,000 authors x 10 books", "w5CascadeInsertBraid", null, "w5CascadeInsertHandWritten", 1.2),
            new Row("W6 delete them (cascade, books not loaded)", "w6CascadeDeleteBraid", null, "w6CascadeDeleteHandWritten", 1.2),
            new Row("W6 with the books loaded first", "w6CascadeDeleteBraidLoaded", null, "w6CascadeDeleteHandWritten", 1.2),
            new Row("W6 with `delete()` (bulk)", "w6CascadeDeleteBraidBulk", null, "w6CascadeDeleteHandWritten", 1.2));

    public static void main(String[] args) throws RunnerException {
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        List<String> databases = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of("h2", "postgresql");
        Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
        for (String db : databases) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(BraidVsR2dbcBenchmark.class.getName())
                    .param("db", db)
                    .forks(forks)
                    .warmupIterations(3).warmupTime(TimeValue.seconds(3))
                    .measurementIterations(6).measurementTime(TimeValue.seconds(3));
            medians.put(db, medians(new Runner(options.build()).run()));
        }
        System.out.println(table(databases, medians));
    }

    static Map<String, Double> medians(Collection<RunResult> results) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (RunResult result : results) {
            List<Double> scores = new ArrayList<>();
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    scores.add(iteration.getPrimaryResult().getScore());
                }
            }
            String name = result.getParams().getBenchmark();
            out.put(name.substring(name.lastIndexOf('.') + 1), median(scores));
        }
        return out;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String table(List<String> databases, Map<String, Map<String, Double>> medians) {
        StringBuilder out = new StringBuilder("| workload |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (String db : databases) {
            String name = switch (db) { case "h2" -> "H2"; case "mariadb" -> "MariaDB"; default -> "PG"; };
            out.append(' ').append(name).append(" Braid | ").append(name).append(" read-only | ")
                    .append(name).append(" baseline | ").append(name).append(" ratio |");
            rule.append(" --- | --- | --- | --- |");
        }
        out.append(" target |\n").append(rule).append(" --- |\n");
        for (Row row : ROWS) {
            out.append("| ").append(row.workload()).append(" |");
            for (String db : databases) {
                Map<String, Double> m = medians.get(db);
                Double braid = m.get(row.braid());
                Double readOnly = row.readOnly() == null ? null : m.get(row.readOnly());
                Double baseline = m.get(row.baseline());
                out.append(' ').append(ms(braid)).append(" | ").append(ms(readOnly)).append(" | ").append(ms(baseline))
                        .append(" | ").append(ratio(braid, baseline, row.target()));
                if (readOnly != null) out.append(" / ").append(ratio(readOnly, baseline, row.target()));
                out.append(" |");
            }
            out.append(' ').append(String.format(Locale.ROOT, "%.2fx", row.target())).append(" |\n");
        }
        return out.toString();
    }

    static String ms(Double value) {
        if (value == null) return "";
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    /** The ratio, in bold when it meets the target. */
    private static String ratio(Double braid, Double baseline, double target) {
        if (braid == null || baseline == null) return "";
        double r = braid / baseline;
        String text = String.format(Locale.ROOT, "%.2fx", r);
        return r <= target ? "**" + text + "**" : text;
    }
}
