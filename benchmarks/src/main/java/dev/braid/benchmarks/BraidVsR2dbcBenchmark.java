package dev.braid.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Braid against hand-written R2DBC on the same six workloads, same pool, same data:
 * 10,000 authors x 10 books; 10,000 users, 100 groups, 5 groups per user.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar BraidVsR2dbc                     # embedded H2
 * java -jar benchmarks/target/benchmarks.jar BraidVsR2dbc -p db=postgresql    # PostgreSQL on 127.0.0.1:5432
 * java -jar benchmarks/target/benchmarks.jar BraidVsR2dbc -p db=mariadb       # MariaDB on 127.0.0.1:3306 (or BRAID_MARIADB_URL)
 * </pre>
 * Every benchmark returns its checksum (so it cannot be optimised away); the smoke test checks that
 * Braid's and the baseline's checksums are equal and counts the statements each sends.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// A fixed heap, touched once at start: otherwise, on this project's VMs, the kernel's first-touch page
// faults in never-used heap regions cost whichever side allocates more 5-10x per allocated byte until
// ~2 GB have been used (profiled: 20-28% of CPU in clear_page), which measures the VM, not the code.
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class BraidVsR2dbcBenchmark {

    @State(Scope.Benchmark)
    public static class Db {
        @Param({"h2"})
        public String db;

        @Param({"10000"})
        public int authors;

        /** Keys per selectin query for Braid; 0 is the dialect's default (500). */
        @Param({"0"})
        public int chunk;

        public BenchDatabase database;
        public BraidWorkloads braid;
        public HandWrittenWorkloads hand;
        final SplittableRandom random = new SplittableRandom(42);

        @Setup(Level.Trial)
        public void setUp() {
            database = new BenchDatabase(db, authors, authors);
            braid = new BraidWorkloads(database.mapper, chunk);
            hand = new HandWrittenWorkloads(database.pool, database.kind);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            database.close();
        }

        long randomPageStart() {
            return 1 + random.nextInt(authors - 99);
        }
    }

    /** W5: removes what each invocation inserted, outside the measurement. */
    @State(Scope.Thread)
    public static class Inserted {
        @TearDown(Level.Invocation)
        public void cleanUp(Db db) {
            db.database.run("DELETE FROM books WHERE author_id > " + db.authors, "DELETE FROM authors WHERE id > " + db.authors);
        }
    }

    /** W6: 1,000 authors with 10 books each to delete, inserted outside the measurement. */
    @State(Scope.Thread)
    public static class ToDelete {
        public List<Long> ids;

        @Setup(Level.Invocation)
        public void insert(Db db) {
            db.hand.insertAuthorsWithBooks(1000, "w6 author ").block();
            ids = db.database.ids("SELECT id FROM authors WHERE id > " + db.authors);
        }
    }

    @Benchmark
    public long w1RowsBraid(Db db) {
        return db.braid.readAllBooks().block();
    }

    /** The same with {@code Select.readOnly()}: results untracked by the session. */
    @Benchmark
    public long w1RowsBraidReadOnly(Db db) {
        return db.braid.readAllBooks(true).block();
    }

    @Benchmark
    public long w1RowsHandWritten(Db db) {
        return db.hand.readAllBooks().block();
    }

    @Benchmark
    public long w2OneToManyBraid(Db db) {
        return db.braid.authorsWithBooks().block();
    }

    /** The same with {@code Select.readOnly()}: results untracked by the session. */
    @Benchmark
    public long w2OneToManyBraidReadOnly(Db db) {
        return db.braid.authorsWithBooks(true).block();
    }

    @Benchmark
    public long w2OneToManyHandWritten(Db db) {
        return db.hand.authorsWithBooks().block();
    }

    @Benchmark
    public long w3ManyToManyBraid(Db db) {
        return db.braid.usersWithGroups().block();
    }

    /** The same with {@code Select.readOnly()}: results untracked by the session. */
    @Benchmark
    public long w3ManyToManyBraidReadOnly(Db db) {
        return db.braid.usersWithGroups(true).block();
    }

    @Benchmark
    public long w3ManyToManyHandWritten(Db db) {
        return db.hand.usersWithGroups().block();
    }

    @Benchmark
    public long w4PageBraid(Db db) {
        return db.braid.pageOfAuthors(db.randomPageStart()).block();
    }

    /** The same with {@code Select.readOnly()}: results untracked by the session. */
    @Benchmark
    public long w4PageBraidReadOnly(Db db) {
        return db.braid.pageOfAuthors(db.randomPageStart(), true).block();
    }

    @Benchmark
    public long w4PageHandWritten(Db db) {
        return db.hand.pageOfAuthors(db.randomPageStart()).block();
    }

    /**
     * W7: the W4 page with each author's books loaded by its own {@code session.load} in a {@code flatMap}; the
     * session coalesces the 100 loads into W4's selectin query. Compare with {@link #w4PageBraid}.
     */
    @Benchmark
    public long w7PageCoalescedLoadsBraid(Db db) {
        return db.braid.pageOfAuthorsLoadedOneByOne(db.randomPageStart()).block();
    }

    @Benchmark
    public long w5CascadeInsertBraid(Db db, Inserted cleanUp) {
        return db.braid.insertAuthorsWithBooks(1000, "w5 author ").block();
    }

    @Benchmark
    public long w5CascadeInsertHandWritten(Db db, Inserted cleanUp) {
        return db.hand.insertAuthorsWithBooks(1000, "w5 author ").block();
    }

    /** W6 with {@code session.deleteByKeys}: the books by the authors' keys, then the authors, nothing read. */
    @Benchmark
    public long w6CascadeDeleteBraid(Db db, ToDelete batch) {
        return db.braid.deleteAuthors(batch.ids).block();
    }

    /** W6 with the books loaded first, so the cascade deletes them row by row (SQLAlchemy's way). */
    @Benchmark
    public long w6CascadeDeleteBraidLoaded(Db db, ToDelete batch) {
        return db.braid.deleteAuthorsLoaded(batch.ids).block();
    }

    /** W6 with Braid's bulk delete: books then authors by key, one statement each, nothing loaded. */
    @Benchmark
    public long w6CascadeDeleteBraidBulk(Db db, ToDelete batch) {
        return db.braid.deleteAuthorsBulk(batch.ids).block();
    }

    @Benchmark
    public long w6CascadeDeleteHandWritten(Db db, ToDelete batch) {
        return db.hand.deleteAuthors(batch.ids).block();
    }
}
