package dev.braid.examples;

import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Functions;
import dev.braid.examples.library.Author;
import dev.braid.examples.library.Author_;
import dev.braid.examples.library.Book;
import dev.braid.examples.library.Book_;
import dev.braid.reactive.Mapper;
import io.r2dbc.pool.ConnectionPool;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * The main example: a library of authors and books on embedded H2, end to end. Every statement Braid
 * sends is logged by {@code dev.braid.sql} (see simplelogger.properties), so you see exactly what runs.
 *
 * <p>Run: {@code mvn -q -DskipTests -Pexample verify}. On PostgreSQL: add
 * {@code -Dbraid.url=r2dbc:postgresql://postgres@127.0.0.1:5432/test}; on MariaDB:
 * {@code -Dbraid.url=r2dbc:mariadb://root@127.0.0.1:3306/test}.
 */
public final class LibraryExample {
    private static final Duration WAIT = Duration.ofSeconds(30);

    public static void main(String[] args) {
        MappingRegistry registry = MappingRegistry.builder().entity(Author.class, Book.class).build();
        ConnectionPool pool = ExampleDatabase.connect("library");
        try {
            Mapper mapper = Mapper.builder(pool, registry).build();
            run(mapper);
        } finally {
            pool.dispose();
        }
    }

    static void run(Mapper mapper) {
        say("Schema from the mapping (" + mapper.dialect().name() + "):");
        mapper.schema().createStatements().forEach(sql -> say("  " + sql + ";"));
        // block() only here, in main: library code never blocks.
        mapper.schema().dropAll().then(mapper.schema().createAll()).block(WAIT);

        say("\n1. One transaction: two authors, then their books once their generated ids are known.");
        List<Book> books = mapper.inTransaction(session -> {
            Author austen = new Author("Jane Austen");
            Author tolstoy = new Author("Leo Tolstoy");
            return session.addAll(List.of(austen, tolstoy))
                    .then(session.flush()) // INSERTs now, so the ids exist
                    // defer: the ids are read after the flush, not when the pipeline is assembled
                    .thenMany(Flux.defer(() -> Flux.just(
                            new Book("Pride and Prejudice", austen.getId()),
                            new Book("Emma", austen.getId()),
                            new Book("War and Peace", tolstoy.getId()))))
                    .concatMap(session::add);
        }).collectList().block(WAIT);
        say("   committed: " + books);

        say("\n2. Queries with typed attributes (Book_.title), streamed as Flux:");
        mapper.withSession(session -> session.select(Book.class)
                        .where(Book_.title.contains("and"))
                        .orderBy(Book_.title.asc())
                        .all())
                .doOnNext(book -> say("   found " + book))
                .blockLast(WAIT);

        say("\n3. get() twice in one session: one SELECT, one object (the identity map).");
        Boolean same = mapper.withSessionMono(session -> session.get(Author.class, 1L)
                        .flatMap(first -> session.get(Author.class, 1L).map(second -> first == second)))
                .block(WAIT);
        say("   same object: " + same);

        say("\n4. Change one attribute: the UPDATE lists only that column.");
        mapper.inTransactionMono(session -> session.select(Author.class)
                        .where(Author_.name.eq("Leo Tolstoy")).one()
                        .doOnNext(author -> author.setName("Lev Tolstoy")))
                .block(WAIT);

        say("\n5. count(), books per author counted by the database (a projection), exists(), and a delete.");
        Long count = mapper.withSessionMono(session -> session.select(Book.class).count()).block(WAIT);
        say("   books: " + count);
        mapper.withSession(session -> session.select(Author_.name, Functions.count(Book_.id))
                        .leftJoin(Book.class, Book_.authorId.eqTo(Author_.id))
                        .groupBy(Author_.id, Author_.name)
                        .orderBy(Functions.count(Book_.id).desc(), Author_.name.asc())
                        .all())
                .doOnNext(row -> say("   " + row.first() + " has " + row.second() + " book(s)"))
                .blockLast(WAIT);
        mapper.inTransaction(session -> session.select(Book.class).where(Book_.title.eq("Emma")).one()
                .flatMap(session::delete)).blockLast(WAIT);
        Boolean emmaLeft = mapper.withSessionMono(session -> session.select(Book.class)
                .where(Book_.title.eq("Emma")).exists()).block(WAIT);
        say("   Emma still there: " + emmaLeft);

        say("\n6. A failing transaction rolls back everything it wrote.");
        mapper.inTransaction(session -> session.add(new Author("Never Saved"))
                        .then(session.flush())
                        .then(Mono.error(new IllegalStateException("something went wrong"))))
                .onErrorResume(e -> {
                    say("   error: " + e.getMessage());
                    return Mono.empty();
                })
                .blockLast(WAIT);
        Boolean saved = mapper.withSessionMono(session -> session.select(Author.class)
                .where(Author_.name.eq("Never Saved")).exists()).block(WAIT);
        say("   'Never Saved' in the database: " + saved);
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
