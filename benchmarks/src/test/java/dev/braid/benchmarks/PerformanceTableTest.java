package dev.braid.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PerformanceTableTest {

    @Test
    void mediansIgnoreOneSlowIteration() {
        assertThat(PerformanceTable.median(List.of(10.0, 11.0, 400.0))).isEqualTo(11.0);
        assertThat(PerformanceTable.median(List.of(10.0, 12.0, 11.0, 400.0))).isEqualTo(11.5);
    }

    @Test
    void ratiosAreToTheBaselineOfTheSameDatabaseAndMetTargetsAreBold() {
        String table = PerformanceTable.table(List.of("h2"), Map.of("h2", Map.of(
                "w1RowsBraid", 150.0, "w1RowsBraidReadOnly", 105.0, "w1RowsHandWritten", 100.0)));
        assertThat(table).contains("| W1 read 100,000 books | 150.0 | 105.0 | 100.0 | 1.50x / **1.05x** | 1.10x |");
    }

    @Test
    void mariaDbColumnsAreLabelledMariaDb() {
        String table = PerformanceTable.table(List.of("mariadb"), Map.of("mariadb", Map.of(
                "w1RowsBraid", 150.0, "w1RowsBraidReadOnly", 105.0, "w1RowsHandWritten", 100.0)));
        assertThat(table).startsWith("| workload | MariaDB Braid | MariaDB read-only | MariaDB baseline | MariaDB ratio | target |");
        assertThat(table).contains("| W1 read 100,000 books | 150.0 | 105.0 | 100.0 | 1.50x / **1.05x** | 1.10x |");
    }
}
