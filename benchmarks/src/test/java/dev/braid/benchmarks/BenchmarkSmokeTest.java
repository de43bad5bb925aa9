package dev.braid.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every benchmark body once on tiny data, so the benchmarks cannot rot between manual runs. */
class BenchmarkSmokeTest {

    @Test
    void h2InListShapesReturnTheSameRows() {
        H2InListBenchmark b = new H2InListBenchmark();
        b.chunk = 20;
        b.books = 1000;
        b.setUp();
        try {
            long expected = 20 * 10; // 20 distinct authors, 10 books each
            assertThat(b.inListMarkers()).isEqualTo(expected);
            assertThat(b.anyArray()).isEqualTo(expected);
            assertThat(b.joinUnnest()).isEqualTo(expected);
        } finally {
            b.tearDown();
        }
    }
}
