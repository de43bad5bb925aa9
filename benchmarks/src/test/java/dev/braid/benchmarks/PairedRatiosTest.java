package dev.braid.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PairedRatiosTest {

    @Test
    void eachRoundIsItsOwnRatioSoDriftCancelsOut() {
        // The machine slows down 3x halfway; paired rounds still see Braid at 1.2x the baseline.
        double[] baseline = {10, 10, 10, 30, 30, 30};
        double[] braid = {12, 12, 12, 36, 36, 36};
        assertThat(PairedRatios.ratio(braid, baseline)).isEqualTo("1.20x (1.20-1.20)");
        assertThat(PairedRatios.median(new double[] {3, 1, 2, 100})).isEqualTo(2.5);
    }

    @Test
    void everyWorkloadRunsPairedOnH2WithEqualChecksums() {
        // Tiny data, two rounds: proves the harness runs every workload and its variants agree
        // (a checksum mismatch throws); the numbers themselves mean nothing at this size.
        List<String> rows = PairedRatios.run("h2", 120, 2);
        assertThat(rows).hasSize(9);
        assertThat(rows.get(0)).startsWith("| W1 read 100,000 books | H2 | ").matches(".*\\d\\.\\d\\dx \\(.*");
        assertThat(rows.get(8)).startsWith("| W7 page of 100 authors, books by 100 flatMap loads (vs W4 selectin) | H2 | ");
        assertThat(rows.get(4)).startsWith("| W5 insert 1,000 authors x 10 books | H2 | ").endsWith(" |");
        assertThat(rows.get(5)).startsWith("| W6 delete them by key (deleteByKeys, cascade) | H2 | ");
        assertThat(rows.get(6)).startsWith("| W6 read first, then delete() each | H2 | ");
    }

    @Test
    void everyWorkloadRunsPairedOnMariaDbWithEqualChecksums() {
        List<String> rows = PairedRatios.run("mariadb", 120, 2);
        assertThat(rows).hasSize(9);
        assertThat(rows.get(0)).startsWith("| W1 read 100,000 books | MariaDB | ").matches(".*\\d\\.\\d\\dx \\(.*");
        assertThat(rows.get(4)).startsWith("| W5 insert 1,000 authors x 10 books | MariaDB | ").endsWith(" |");
        assertThat(rows.get(7)).startsWith("| W6 with `delete()` (bulk) | MariaDB | ");
    }

    @Test
    void workloadsAreSelectedByNamePrefix() {
        assertThat(PairedRatios.selected("W4 page of 100 authors with books", "")).isTrue();
        assertThat(PairedRatios.selected("W4 page of 100 authors with books", "W1, W4")).isTrue();
        assertThat(PairedRatios.selected("W6 with `delete()` (bulk)", "W1,W4")).isFalse();
        assertThat(PairedRatios.selected("W6 with `delete()` (bulk)", "W6 with")).isTrue();
    }
}
