package dev.braid.benchmarks;

import dev.braid.benchmarks.model.Author;
import dev.braid.benchmarks.model.Book;
import dev.braid.benchmarks.model.Group;
import dev.braid.benchmarks.model.User;
import dev.braid.query.Attribute;
import dev.braid.query.ComparableAttribute;
import dev.braid.query.Loads;
import dev.braid.query.Relation;
import dev.braid.reactive.Mapper;
import dev.braid.reactive.Select;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/** The six workloads with Braid. Each returns a checksum that the hand-written version must equal. */
public final class BraidWorkloads {
    // Declared by hand (the benchmarks module does not run Braid's annotation processor).
    static final ComparableAttribute<Author, Long> AUTHOR_ID = Attribute.comparable(Author.class, "id", Long.class);
    static final ComparableAttribute<Book, Long> BOOK_AUTHOR_ID = Attribute.comparable(Book.class, "authorId", Long.class);
    static final Relation<Author, Book> AUTHOR_BOOKS = Relation.of(Author.class, "books", Book.class);
    static final Relation<User, Group> USER_GROUPS = Relation.of(User.class, "groups", Group.class);

    private final Mapper mapper;
    private final int chunk;

    public BraidWorkloads(Mapper mapper) {
        this(mapper, 0);
    }

    /** @param chunk keys per selectin query (0: the dialect's default) */
    public BraidWorkloads(Mapper mapper, int chunk) {
        this.mapper = mapper;
        this.chunk = chunk;
    }

    private dev.braid.query.LoadOption selectin(Relation<?, ?> relation) {
        return chunk > 0 ? Loads.selectin(relation).chunkSize(chunk) : Loads.selectin(relation);
    }

    private static <T> Select<T> tracked(Select<T> select, boolean readOnly) {
        return readOnly ? select.readOnly() : select;
    }

    /** W1: every book, as objects tracked by the session. */
    public Mono<Long> readAllBooks() {
        return readAllBooks(false);
    }

    /** W1: every book, as objects; {@code readOnly}: untracked ({@code Select.readOnly()}). */
    public Mono<Long> readAllBooks(boolean readOnly) {
        return mapper.withSession(s -> tracked(s.select(Book.class), readOnly).all())
                .reduce(0L, (acc, b) -> acc + b.id + b.authorId);
    }

    /** W2: every author with their books. */
    public Mono<Long> authorsWithBooks() {
        return authorsWithBooks(false);
    }

    public Mono<Long> authorsWithBooks(boolean readOnly) {
        return mapper.withSession(s -> tracked(s.select(Author.class), readOnly).options(selectin(AUTHOR_BOOKS)).all())
                .reduce(0L, BraidWorkloads::authorChecksum);
    }

    /** W3: every user with their groups (many-to-many). */
    public Mono<Long> usersWithGroups() {
        return usersWithGroups(false);
    }

    public Mono<Long> usersWithGroups(boolean readOnly) {
        return mapper.withSession(s -> tracked(s.select(User.class), readOnly).options(selectin(USER_GROUPS)).all())
                .reduce(0L, (acc, u) -> {
                    long sum = acc + u.id;
                    for (Group g : u.groups) sum += g.id;
                    return sum;
                });
    }

    /** W4: a page of 100 authors (ids {@code first..first+99}) with their books. */
    public Mono<Long> pageOfAuthors(long first) {
        return pageOfAuthors(first, false);
    }

    public Mono<Long> pageOfAuthors(long first, boolean readOnly) {
        return mapper.withSession(s -> tracked(s.select(Author.class), readOnly).where(AUTHOR_ID.between(first, first + 99))
                        .orderBy(AUTHOR_ID.asc()).options(selectin(AUTHOR_BOOKS)).all())
                .reduce(0L, BraidWorkloads::authorChecksum);
    }

    /**
     * W7: the page of W4 read first, then each author's books loaded by its own {@code session.load(...)} inside
     * a {@code flatMap} (the natural reactive code, e.g. a GraphQL resolver per author). The session coalesces
     * the concurrent loads into chunked selectin queries, so it sends what W4 sends; compare with
     * {@link #pageOfAuthors(long)}.
     */
    public Mono<Long> pageOfAuthorsLoadedOneByOne(long first) {
        return mapper.withSession(s -> s.select(Author.class).where(AUTHOR_ID.between(first, first + 99))
                        .orderBy(AUTHOR_ID.asc()).all().collectList()
                        .flatMapMany(authors -> reactor.core.publisher.Flux.fromIterable(authors)
                                .flatMap(a -> s.load(a, AUTHOR_BOOKS).thenReturn(a))))
                .reduce(0L, BraidWorkloads::authorChecksum);
    }

    /** W5: one transaction inserting {@code count} authors with 10 books each; returns the keys assigned. */
    public Mono<Long> insertAuthorsWithBooks(int count, String prefix) {
        List<Author> authors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Author a = new Author(prefix + i);
            for (int b = 0; b < 10; b++) a.books.add(new Book(prefix + i + " book " + b));
            authors.add(a);
        }
        return mapper.inTransaction(s -> s.addAll(authors)).then(Mono.fromCallable(() -> {
            long keys = 0;
            for (Author a : authors) {
                if (a.id != null) keys++;
                for (Book b : a.books) if (b.id != null && a.id.equals(b.authorId)) keys++;
            }
            return keys;
        }));
    }

    /**
     * W6: one transaction deleting the given authors and (cascade) their books by key, nothing read
     * ({@code session.deleteByKeys}); returns authors deleted.
     */
    public Mono<Long> deleteAuthors(List<Long> ids) {
        return mapper.inTransactionMono(s -> s.deleteByKeys(Author.class, ids));
    }

    /**
     * W6 the way it was written before deleteByKeys: the authors read, each deleted; the books are not
     * loaded, so the flush deletes them by their authors' keys. Returns authors deleted.
     */
    public Mono<Long> deleteAuthorsReadFirst(List<Long> ids) {
        return mapper.inTransaction(s -> s.select(Author.class).where(AUTHOR_ID.in(ids)).all().collectList()
                        .flatMapMany(all -> reactor.core.publisher.Flux.fromIterable(all).concatMap(a -> s.delete(a).thenReturn(1L))))
                .count();
    }

    /** W6 with the books loaded first (selectin), so the cascade deletes each book row by its key. */
    public Mono<Long> deleteAuthorsLoaded(List<Long> ids) {
        return mapper.inTransaction(s -> s.select(Author.class).where(AUTHOR_ID.in(ids))
                        .options(selectin(AUTHOR_BOOKS)).all().collectList()
                        .flatMapMany(all -> reactor.core.publisher.Flux.fromIterable(all).concatMap(a -> s.delete(a).thenReturn(1L))))
                .count();
    }

    /**
     * W6 with bulk deletes ({@code select(...).where(...).delete()}): the books, then the authors, one
     * statement each, nothing loaded; returns authors deleted.
     */
    public Mono<Long> deleteAuthorsBulk(List<Long> ids) {
        return mapper.inTransactionMono(s -> s.select(Book.class).where(BOOK_AUTHOR_ID.in(ids)).delete()
                .then(s.select(Author.class).where(AUTHOR_ID.in(ids)).delete()));
    }

    static long authorChecksum(long acc, Author a) {
        long sum = acc + a.id;
        for (Book b : a.books) sum += b.id;
        return sum;
    }
}
