package dev.braid.benchmarks;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Statement;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.TimeUnit;

/**
 * How should a selectin query bind a chunk of parent keys on H2? Measures one child query for
 * {@code chunk} parent keys against 100,000 books (10 per author, indexed foreign key), four ways:
 * an IN list with one marker per key, {@code = ANY(array)}, a join on {@code TABLE(k BIGINT = array)}
 * (Braid's form) and a join on {@code UNNEST(array)}. Plain R2DBC, so only the SQL shape is measured.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar H2InListBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class H2InListBenchmark {
    @Param({"100", "500", "1000", "5000"})
    public int chunk;

    /** Rows of books: 10 per author. */
    @Param({"100000"})
    public int books;

    private ConnectionFactory factory;
    private Connection connection;
    private String inList;
    private Long[] keys;

    @Setup(Level.Trial)
    public void setUp() {
        // Result reuse off: every invocation repeats the same statement and binds on an unchanged table,
        // so H2 would otherwise hand back its previous result for the forms it can compare binds of.
        factory = ConnectionFactories.get("r2dbc:h2:mem:///inlist_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE");
        connection = Mono.from(factory.create()).block();
        run("CREATE TABLE books (id BIGINT PRIMARY KEY, title VARCHAR(300), author_id BIGINT)");
        run("CREATE INDEX ix_books_author_id ON books (author_id)");
        run("INSERT INTO books SELECT x, 'book ' || x, 1 + (x - 1) / 10 FROM SYSTEM_RANGE(1, " + books + ")");
        int authors = books / 10;
        keys = new Long[Math.min(chunk, authors)];
        for (int i = 0; i < keys.length; i++) keys[i] = (long) (1 + (i * 7L) % authors); // spread over the table
        StringBuilder sql = new StringBuilder("SELECT id, title, author_id FROM books WHERE author_id IN (");
        for (int i = 1; i <= keys.length; i++) sql.append(i > 1 ? ", $" : "$").append(i);
        inList = sql.append(")").toString();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Mono.from(connection.close()).block();
    }

    private void run(String sql) {
        Flux.from(connection.createStatement(sql).execute()).flatMap(r -> r.getRowsUpdated()).blockLast();
    }

    private long count(Statement statement) {
        return Flux.from(statement.execute())
                .concatMap(r -> r.map((row, meta) -> row.get(0, Long.class)))
                .count().block();
    }

    /** {@code author_id IN ($1, ..., $n)}: Braid's H2 form for filters ({@code in(...)}). */
    @Benchmark
    public long inListMarkers() {
        Statement statement = connection.createStatement(inList);
        for (int i = 0; i < keys.length; i++) statement.bind(i, keys[i]);
        return count(statement);
    }

    /** {@code author_id = ANY($1)} with one array bind: PostgreSQL's form. */
    @Benchmark
    public long anyArray() {
        return count(connection.createStatement("SELECT id, title, author_id FROM books WHERE author_id = ANY($1)")
                .bind(0, keys));
    }

    /** A join on {@code TABLE(k BIGINT = $1)}: Braid's H2 form for selectin chunks. */
    @Benchmark
    public long joinKeyTable() {
        return count(connection.createStatement("SELECT b.id, b.title, b.author_id FROM TABLE(k BIGINT = $1) t"
                + " JOIN books b ON b.author_id = t.k").bind(0, keys));
    }

    /** A join on {@code UNNEST($1)}. */
    @Benchmark
    public long joinUnnest() {
        return count(connection.createStatement("SELECT b.id, b.title, b.author_id FROM UNNEST(CAST($1 AS BIGINT ARRAY)) k(v)"
                + " JOIN books b ON b.author_id = k.v").bind(0, keys));
    }
}
