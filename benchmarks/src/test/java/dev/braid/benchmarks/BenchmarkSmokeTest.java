package dev.braid.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** Every {@link BraidVsR2dbcBenchmark} body once, on 300 authors: Braid's checksums equal the baseline's. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void everyBenchmarkBodyRuns(String kind) {
        BraidVsR2dbcBenchmark b = new BraidVsR2dbcBenchmark();
        BraidVsR2dbcBenchmark.Db db = new BraidVsR2dbcBenchmark.Db();
        db.db = kind;
        db.authors = 300;
        db.setUp();
        try {
            assertThat(b.w1RowsBraid(db)).isEqualTo(b.w1RowsHandWritten(db)).isEqualTo(b.w1RowsBraidReadOnly(db));
            assertThat(b.w2OneToManyBraid(db)).isEqualTo(b.w2OneToManyHandWritten(db)).isEqualTo(b.w2OneToManyBraidReadOnly(db));
            assertThat(b.w3ManyToManyBraid(db)).isEqualTo(b.w3ManyToManyHandWritten(db)).isEqualTo(b.w3ManyToManyBraidReadOnly(db));
            // W4 draws a random page per call: each one's authors and books, 100 x 11 rows.
            assertThat(b.w4PageBraid(db)).isPositive();
            assertThat(b.w4PageBraidReadOnly(db)).isPositive();
            assertThat(b.w4PageHandWritten(db)).isPositive();
            BraidVsR2dbcBenchmark.Inserted inserted = new BraidVsR2dbcBenchmark.Inserted();
            assertThat(b.w5CascadeInsertBraid(db, inserted)).isEqualTo(11_000);
            inserted.cleanUp(db);
            assertThat(b.w5CascadeInsertHandWritten(db, inserted)).isEqualTo(11_000);
            inserted.cleanUp(db);
            BraidVsR2dbcBenchmark.ToDelete batch = new BraidVsR2dbcBenchmark.ToDelete();
            batch.insert(db);
            assertThat(b.w6CascadeDeleteBraid(db, batch)).isEqualTo(1000);
            batch.insert(db);
            assertThat(b.w6CascadeDeleteBraidLoaded(db, batch)).isEqualTo(1000);
            batch.insert(db);
            assertThat(b.w6CascadeDeleteBraidBulk(db, batch)).isEqualTo(1000);
            batch.insert(db);
            assertThat(b.w6CascadeDeleteHandWritten(db, batch)).isEqualTo(1000);
            assertThat(db.database.single("SELECT COUNT(*) FROM authors")).isEqualTo(300);
            assertThat(db.database.single("SELECT COUNT(*) FROM books")).isEqualTo(3000);
        } finally {
            db.tearDown();
        }
    }
}
