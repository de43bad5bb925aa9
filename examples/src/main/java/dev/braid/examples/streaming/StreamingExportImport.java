package dev.braid.examples.streaming;

import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.examples.ExampleDatabase;
import dev.braid.examples.catalog.Author;
import dev.braid.examples.catalog.Author_;
import dev.braid.examples.catalog.Book;
import dev.braid.reactive.Mapper;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A Reactor pipeline over a large object graph, in bounded memory:
 *
 * <ol>
 *   <li><b>export</b>: every author with their books, read with
 *       {@code select(Author.class).options(Loads.selectin(Author_.books)).stream()} (windows of 500 authors, one
 *       books query per window, at most one window read ahead), written as newline-delimited JSON, one author per
 *       line: {@code {"id":1,"name":"...","books":[{"id":1,"title":"..."}]}};</li>
 *   <li><b>import</b>: the file read back lazily, line by line, into fresh tables, in batched transactions:
 *       {@code buffer(1000).concatMap(batch -> mapper.inTransaction(s -> s.addAll(batch)))}. A failing batch
 *       rolls back alone and stops the import.</li>
 * </ol>
 *
 * Both report rows per second (authors plus books) and an order-independent checksum of every
 * (author name, book title) pair, so a round trip can be checked. JSON goes through Jackson's
 * {@link JsonMapper}, which escapes quotes, backslashes and control characters in titles.
 *
 * <p>Run: {@code mvn -q -DskipTests -Pstreaming verify} (100,000 authors, 3 books each); change the size with
 * {@code -Dauthors=20000 -DbooksPerAuthor=5}. With {@code -Dbraid.url=...} (PostgreSQL or MariaDB) source and
 * target are that one database (the import drops and recreates the tables after the export), unless the URL has
 * {@code {database}}: then they are {@code streaming_source} and {@code streaming_target}.
 */
public final class StreamingExportImport {
    private static final Duration WAIT = Duration.ofMinutes(30);
    /** The registry the pipeline maps: authors and their books. */
    public static final MappingRegistry REGISTRY = MappingRegistry.builder().entity(Author.class, Book.class).build();

    private static final String SQL_LOG = "org.slf4j.simpleLogger.log.dev.braid.sql";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One line of the file. */
    public record AuthorLine(long id, String name, List<BookLine> books) {}

    /** A book inside an {@link AuthorLine}. */
    public record BookLine(long id, String title) {}

    /** Counts, time and checksum of one pass over the graph. */
    public record Report(long authors, long books, Duration time, long checksum) {
        public long rows() {
            return authors + books;
        }

        public double rowsPerSecond() {
            return rows() / Math.max(time.toNanos() / 1e9, 1e-9);
        }
    }

    private final Consumer<String> log;
    private final int progressEvery;

    /** {@code log} receives the progress lines, one every {@code progressEvery} authors. */
    public StreamingExportImport(Consumer<String> log, int progressEvery) {
        this.log = log;
        this.progressEvery = progressEvery;
    }

    // ------------------------------------------------------------------------------------------------ seed

    /**
     * Fills the (existing, empty) authors and books tables with plain SQL, fast: {@code authors} authors named
     * "Author n" with {@code booksPerAuthor} books each. Every 7th title has quotes, a backslash and non-ASCII
     * letters, every 11th a line break, so the JSON escaping is exercised.
     */
    public static Mono<Void> seed(ConnectionFactory factory, String dialect, int authors, int booksPerAuthor) {
        String insertAuthors;
        String insertBooks;
        if (dialect.equalsIgnoreCase("mariadb")) {
            // No || for strings (it is OR), / divides exactly (DIV is the integer division), a backslash in a
            // literal is an escape, and the SEQUENCE engine's seq_1_to_n tables number the rows.
            String range = "(SELECT seq AS x FROM seq_1_to_%d) AS r";
            insertAuthors = "INSERT INTO authors (name) SELECT CONCAT('Author ', x) FROM " + String.format(range, authors)
                    + " ORDER BY x";
            insertBooks = "INSERT INTO books (title, author_id) SELECT CONCAT('Book ', x,"
                    + " CASE WHEN MOD(x, 7) = 0 THEN ' \"Ch\u00e2teau\" \\\\ \u00e9t\u00e9 \u4e66' ELSE '' END,"
                    + " CASE WHEN MOD(x, 11) = 0 THEN CONCAT(' line', CHAR(10), 'break') ELSE '' END),"
                    + " (SELECT MIN(id) FROM authors) + (x - 1) DIV " + booksPerAuthor
                    + " FROM " + String.format(range, (long) authors * booksPerAuthor) + " ORDER BY x";
        } else {
            boolean postgres = dialect.equalsIgnoreCase("postgresql");
            String range = postgres ? "generate_series(1, %d) AS r(x)" : "SYSTEM_RANGE(1, %d) AS r(x)";
            String newline = postgres ? "chr(10)" : "CHAR(10)";
            insertAuthors = "INSERT INTO authors (name) SELECT 'Author ' || x FROM " + String.format(range, authors);
            insertBooks = "INSERT INTO books (title, author_id) SELECT 'Book ' || x"
                    + " || CASE WHEN MOD(x, 7) = 0 THEN ' \"Ch\u00e2teau\" \\ \u00e9t\u00e9 \u4e66' ELSE '' END"
                    + " || CASE WHEN MOD(x, 11) = 0 THEN ' line' || " + newline + " || 'break' ELSE '' END,"
                    + " (SELECT MIN(id) FROM authors) + (x - 1) / " + booksPerAuthor
                    + " FROM " + String.format(range, (long) authors * booksPerAuthor);
        }
        return Mono.usingWhen(factory.create(),
                (Connection c) -> execute(c, insertAuthors).then(execute(c, insertBooks)),
                Connection::close);
    }

    private static Mono<Void> execute(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).then();
    }

    // ------------------------------------------------------------------------------------------------ export

    /** Streams every author with their books from {@code source} into {@code file} as NDJSON. */
    public Mono<Report> export(Mapper source, Path file) {
        Flux<Author> authors = source.withSession(s -> s.select(Author.class)
                .orderBy(Author_.id.asc())
                .options(Loads.selectin(Author_.books))
                .stream());
        return Mono.using(
                () -> Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                writer -> authors
                        // File writes block: do them on a thread made for that, never on a driver thread. The
                        // publishOn queue (256 authors) and stream()'s one window of read-ahead bound the memory.
                        .publishOn(Schedulers.boundedElastic())
                        .map(StreamingExportImport::toLine)
                        .reduce(new Progress("exported", log, progressEvery), (progress, line) -> {
                            write(writer, line);
                            return progress.add(line);
                        })
                        .map(Progress::report),
                StreamingExportImport::close);
    }

    /** One author and their books as one line of JSON (no line breaks: Jackson escapes them inside strings). */
    public static AuthorLine toLine(Author author) {
        List<BookLine> books = new ArrayList<>(author.books.size());
        for (Book book : author.books) books.add(new BookLine(book.getId(), book.getTitle()));
        return new AuthorLine(author.getId(), author.getName(), books);
    }

    private static void write(BufferedWriter writer, AuthorLine line) {
        try {
            writer.write(JSON.writeValueAsString(line));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(BufferedWriter writer) {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ import

    /**
     * Reads {@code file} lazily and inserts its authors with their books into {@code target} (whose tables exist),
     * {@code batchSize} authors per transaction, one transaction at a time. New ids are generated; the file's ids
     * are not reused.
     */
    public Mono<Report> importFile(Mapper target, Path file, int batchSize) {
        Flux<AuthorLine> lines = Flux.using(() -> Files.lines(file, StandardCharsets.UTF_8), Flux::fromStream,
                        Stream::close)
                .subscribeOn(Schedulers.boundedElastic()) // reading the file blocks too
                .map(json -> JSON.readValue(json, AuthorLine.class));
        return lines
                .buffer(batchSize)
                // One transaction per batch; concatMap with prefetch 1 keeps at most one batch waiting.
                .concatMap(batch -> target.inTransaction(session -> session.addAll(toEntities(batch)))
                        .then(Mono.just(batch)), 1)
                .reduce(new Progress("imported", log, progressEvery), (progress, batch) -> {
                    for (AuthorLine line : batch) progress.add(line);
                    return progress;
                })
                .map(Progress::report);
    }

    private static List<Author> toEntities(List<AuthorLine> batch) {
        List<Author> authors = new ArrayList<>(batch.size());
        for (AuthorLine line : batch) {
            Author author = new Author(line.name());
            for (BookLine book : line.books()) author.books.add(new Book(book.title())); // book.author follows
            authors.add(author);
        }
        return authors;
    }

    // ------------------------------------------------------------------------------------------------ verify

    /** Counts and checksums what {@code mapper}'s database holds, streaming it like the export does. */
    public Mono<Report> totals(Mapper mapper) {
        return mapper.withSession(s -> s.select(Author.class).options(Loads.selectin(Author_.books)).stream())
                .map(StreamingExportImport::toLine)
                .reduce(new Progress("checked", line -> { }, Integer.MAX_VALUE), Progress::add)
                .map(Progress::report);
    }

    /** Running counts and checksum; prints a progress line every {@code every} authors. */
    private static final class Progress {
        private final String verb;
        private final Consumer<String> log;
        private final int every;
        private final long started = System.nanoTime();
        private long authors;
        private long books;
        private long checksum;

        Progress(String verb, Consumer<String> log, int every) {
            this.verb = verb;
            this.log = log;
            this.every = every;
        }

        Progress add(AuthorLine line) {
            authors++;
            checksum += crc(line.name());
            for (BookLine book : line.books()) {
                books++;
                checksum += crc(line.name() + '\u001f' + book.title());
            }
            if (authors % every == 0) {
                double seconds = (System.nanoTime() - started) / 1e9;
                log.accept(String.format(Locale.ROOT, "  %s %,d authors, %,d books in %.1f s (%,.0f rows/s)",
                        verb, authors, books, seconds, (authors + books) / seconds));
            }
            return this;
        }

        Report report() {
            return new Report(authors, books, Duration.ofNanos(System.nanoTime() - started), checksum);
        }

        private static long crc(String text) {
            CRC32 crc = new CRC32();
            crc.update(text.getBytes(StandardCharsets.UTF_8));
            return crc.getValue();
        }
    }

    // ------------------------------------------------------------------------------------------------ main

    public static void main(String[] args) throws IOException {
        // 400,000 INSERTs would drown the progress lines: the SQL log is off here unless asked for with
        // -Dorg.slf4j.simpleLogger.log.dev.braid.sql=debug (set before the first logger is created).
        if (System.getProperty(SQL_LOG) == null) System.setProperty(SQL_LOG, "info");
        int authors = Integer.getInteger("authors", 100_000);
        int booksPerAuthor = Integer.getInteger("booksPerAuthor", 3);
        int batch = Integer.getInteger("batch", 1_000);
        int progress = Integer.getInteger("progress", Math.max(1, authors / 10));
        Path file = Path.of(System.getProperty("file", "target/authors.ndjson"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        run(authors, booksPerAuthor, batch, progress, file, "streaming", System.out::println);
    }

    /**
     * Seeds a source database, exports it to {@code file}, imports the file into a fresh target database and
     * checks the round trip; returns the export and import reports.
     */
    public static List<Report> run(int authors, int booksPerAuthor, int batch, int progress, Path file,
                                   String databasePrefix, Consumer<String> out) {
        ConnectionPool sourcePool = ExampleDatabase.connect(databasePrefix + "_source");
        ConnectionPool targetPool = ExampleDatabase.connect(databasePrefix + "_target");
        try {
            Mapper source = Mapper.builder(sourcePool, REGISTRY).build();
            Mapper target = Mapper.builder(targetPool, REGISTRY).build();
            StreamingExportImport pipeline = new StreamingExportImport(out, progress);

            out.accept(String.format(Locale.ROOT, "Seeding %,d authors with %d books each (plain SQL, %s)...",
                    authors, booksPerAuthor, source.dialect().name()));
            source.schema().dropAll().then(source.schema().createAll())
                    .then(seed(sourcePool, source.dialect().name(), authors, booksPerAuthor)).block(WAIT);

            out.accept("Export: stream() with Loads.selectin(Author_.books) -> " + file);
            Report exported = pipeline.export(source, file).block(WAIT);
            out.accept(summary("exported", exported) + String.format(Locale.ROOT, ", file %,d KB",
                    sizeOf(file) >> 10));

            out.accept("Import: " + batch + " authors per transaction into fresh tables");
            target.schema().dropAll().then(target.schema().createAll()).block(WAIT);
            Report imported = pipeline.importFile(target, file, batch).block(WAIT);
            out.accept(summary("imported", imported));

            Report check = pipeline.totals(target).block(WAIT);
            out.accept(String.format(Locale.ROOT, "Round trip: the target holds %,d authors and %,d books;"
                            + " checksum %016x, export %016x: %s", check.authors(), check.books(), check.checksum(),
                    exported.checksum(), check.checksum() == exported.checksum()
                            && check.authors() == exported.authors() && check.books() == exported.books()
                            ? "identical" : "DIFFERENT"));
            return List.of(exported, imported);
        } finally {
            sourcePool.dispose();
            targetPool.dispose();
        }
    }

    private static String summary(String verb, Report report) {
        return String.format(Locale.ROOT, "%s %,d authors + %,d books = %,d rows in %.2f s: %,.0f rows/s",
                verb, report.authors(), report.books(), report.rows(), report.time().toNanos() / 1e9,
                report.rowsPerSecond());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
