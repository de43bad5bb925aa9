package dev.braid.examples.web;

import dev.braid.examples.catalog.Author;
import dev.braid.examples.catalog.Author_;
import dev.braid.examples.catalog.Book;
import dev.braid.examples.catalog.Book_;
import dev.braid.examples.web.Dtos.AuthorBookCount;
import dev.braid.examples.web.Dtos.AuthorRequest;
import dev.braid.examples.web.Dtos.AuthorView;
import dev.braid.examples.web.Dtos.BookRequest;
import dev.braid.examples.web.Dtos.BookView;
import dev.braid.examples.web.Dtos.NewBook;
import dev.braid.examples.web.Dtos.Page;
import dev.braid.examples.web.Problems.FieldProblem;
import dev.braid.query.Loads;
import dev.braid.reactive.Mapper;
import dev.braid.reactive.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.braid.query.Functions.count;

/**
 * Every use of Braid in the service: writes in Spring-managed transactions, reads on read-only sessions.
 *
 * <ul>
 *   <li><b>Writes</b> are {@code @Transactional} methods that use {@code mapper.withSession(...)}: the starter makes
 *       the session join the transaction Spring's {@code R2dbcTransactionManager} began for the method (its
 *       connection, no BEGIN/COMMIT of Braid's own). The session flushes at the end of its work, so generated ids
 *       are set when {@code withSession} emits; {@link AuditLog} then writes with {@code DatabaseClient} in the
 *       same transaction. Spring commits when the returned publisher completes and rolls back when it errors or
 *       is cancelled (a client that goes away): Braid's rows and the audit rows together.</li>
 *   <li><b>Reads</b> use {@code mapper.readOnly(...)} and no Spring transaction: with replicas
 *       ({@code braid.replicas.urls}) they run on a replica that has replayed the client's last write (its
 *       {@code ReadYourWrites}, put in the request's context by {@link ReadYourWritesFilter}), else on the primary
 *       after {@code braid.replicas.read-your-writes-wait}; without replicas on the primary. Their statements (a
 *       count and a page, a row and its books) run on one connection, each in auto-commit, and the session refuses
 *       writes ({@code BRAID_READ_ONLY}). Inside a Spring transaction {@code readOnly} would join it instead (the
 *       primary), so these methods are not {@code @Transactional}.</li>
 *   <li><b>The stream</b> ({@link #streamAuthors()}) has no annotation: outside a Spring transaction Braid
 *       runs it on a session of its own and manages what it needs itself (on PostgreSQL a server-side cursor in
 *       a transaction Braid begins and ends, on H2 and MariaDB keyset pages in auto-commit). A client that disconnects
 *       cancels it: the cursor is closed, the transaction rolled back, the connection goes back to the pool. It
 *       stays on {@code withSession} (the primary): a read-only session refuses the cursor's {@code DECLARE} on
 *       PostgreSQL ({@code BRAID_READ_ONLY}).</li>
 * </ul>
 *
 * Entities never leave this class: results are DTO records, built inside the session's work or right after it.
 */
@Service
public class LibraryService {
    private final Mapper mapper;
    private final AuditLog audit;

    public LibraryService(Mapper mapper, AuditLog audit) {
        this.mapper = mapper;
        this.audit = audit;
    }

    // ------------------------------------------------------------------------------------------------ authors

    /** A page of authors in id order, their books loaded with one selectin query for the whole page. */
    public Mono<Page<AuthorView>> authors(int page, int size) {
        return mapper.readOnlyMono(s -> s.select(Author.class).count()
                .flatMap(total -> s.select(Author.class)
                        .orderBy(Author_.id.asc())
                        .limit(size)
                        .offset((long) page * size)
                        .options(Loads.selectin(Author_.books))
                        .all()
                        .map(AuthorView::of)
                        .collectList()
                        .map(items -> new Page<>(items, page, size, total))));
    }

    /**
     * Every author with their number of books, most books first: one statement, counted by the database
     * ({@code SELECT authors.id, authors.name, COUNT(books.id) AS books FROM authors LEFT OUTER JOIN books ...
     * GROUP BY ...}), no book loaded.
     */
    public Flux<AuthorBookCount> bookCounts() {
        return mapper.readOnly(s -> s.select(Author_.id, Author_.name, count(Book_.id).as("books"))
                .leftJoin(Author_.books)
                .groupBy(Author_.id, Author_.name)
                .orderBy(count(Book_.id).desc(), Author_.id.asc())
                .into(AuthorBookCount.class)
                .all());
    }

    public Mono<AuthorView> author(long id) {
        return mapper.readOnlyMono(s -> findAuthor(s, id)).map(AuthorView::of);
    }

    /** The author and their books (cascade save-update), then an audit row: one transaction. */
    @Transactional
    public Mono<AuthorView> createAuthor(AuthorRequest request) {
        return mapper.withSessionMono(s -> s.add(newAuthor(request)))
                // withSession flushed at the end of its work: the ids are set, the rows are in the transaction
                .flatMap(author -> audit.record("author created", "authors", author.getId()).thenReturn(author))
                .map(AuthorView::of);
    }

    /**
     * Renames the author; when the request has books, they become the author's list: books with a title the
     * author already has are kept, new titles are inserted, and books no longer listed are deleted
     * (delete-orphan). Only what changed is written.
     */
    @Transactional
    public Mono<AuthorView> updateAuthor(long id, AuthorRequest request) {
        return mapper.withSessionMono(s -> findAuthor(s, id).doOnNext(author -> {
                    author.setName(request.name().strip());
                    if (request.books() != null) author.books.setAll(keepingSameTitles(author, request.books()));
                }))
                .flatMap(author -> audit.record("author updated", "authors", author.getId()).thenReturn(author))
                .map(AuthorView::of);
    }

    /** Deletes the author and, through the loaded collection's DELETE cascade, their books first. */
    @Transactional
    public Mono<Void> deleteAuthor(long id) {
        return mapper.withSessionMono(s -> findAuthor(s, id).flatMap(author -> s.delete(author).thenReturn(id)))
                .flatMap(deleted -> audit.record("author deleted", "authors", deleted));
    }

    /**
     * Every author with their books, streamed in windows of 500 (one books query per window), at the pace
     * the client reads: a slow client holds the stream, a client that disconnects cancels it and the
     * session's connection goes back to the pool. Not {@code @Transactional} (see the class comment).
     */
    public Flux<AuthorView> streamAuthors() {
        return mapper.withSession(s -> s.select(Author.class).options(Loads.selectin(Author_.books)).stream())
                .map(AuthorView::of);
    }

    /**
     * Imports authors as they arrive, all in one transaction: each one is inserted (flushed at once, so its id
     * is known), audited and emitted; Spring commits when the input ends. If the client goes away first, or an
     * input is invalid, nothing is kept: neither Braid's rows nor the audit rows.
     */
    @Transactional
    public Flux<AuthorView> importAuthors(Flux<AuthorRequest> requests) {
        return mapper.withSession(s -> requests.concatMap(request -> {
            Author author = newAuthor(request);
            return s.add(author)
                    .then(s.flush())
                    .then(Mono.defer(() -> audit.record("author imported", "authors", author.getId())))
                    .thenReturn(author);
        })).map(AuthorView::of);
    }

    private static Author newAuthor(AuthorRequest request) {
        Author author = new Author(request.name().strip());
        if (request.books() != null) {
            for (BookRequest book : request.books()) author.books.add(new Book(book.title().strip()));
        }
        return author;
    }

    /** The requested list of books, reusing the author's book objects (rows) whose title is listed. */
    private static List<Book> keepingSameTitles(Author author, List<BookRequest> wanted) {
        Map<String, List<Book>> current = new HashMap<>();
        for (Book book : author.books) current.computeIfAbsent(book.getTitle(), t -> new ArrayList<>()).add(book);
        List<Book> next = new ArrayList<>();
        for (BookRequest request : wanted) {
            String title = request.title().strip();
            List<Book> same = current.getOrDefault(title, List.of());
            next.add(same.isEmpty() ? new Book(title) : same.remove(0));
        }
        return next;
    }

    private static Mono<Author> findAuthor(Session s, long id) {
        return s.select(Author.class).where(Author_.id.eq(id)).options(Loads.selectin(Author_.books)).first()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Author", id)));
    }

    // ------------------------------------------------------------------------------------------------ books

    /** A page of books in id order, each with its author from the same statement (a LEFT OUTER JOIN). */
    public Mono<Page<BookView>> books(int page, int size) {
        return mapper.readOnlyMono(s -> s.select(Book.class).count()
                .flatMap(total -> s.select(Book.class)
                        .orderBy(Book_.id.asc())
                        .limit(size)
                        .offset((long) page * size)
                        .options(Loads.joined(Book_.author))
                        .all()
                        .map(BookView::of)
                        .collectList()
                        .map(items -> new Page<>(items, page, size, total))));
    }

    public Mono<BookView> book(long id) {
        return mapper.readOnlyMono(s -> findBook(s, id)).map(BookView::of);
    }

    /** A book for an existing author: {@code new Book(title, author)} sets author_id at the flush. */
    @Transactional
    public Mono<BookView> createBook(NewBook request) {
        return mapper.withSessionMono(s -> existingAuthor(s, request.authorId())
                        .flatMap(author -> s.add(new Book(request.title().strip(), author))))
                .flatMap(book -> audit.record("book created", "books", book.getId()).thenReturn(book))
                .map(BookView::of);
    }

    /** Changes the title and, when authorId differs, moves the book to that author. */
    @Transactional
    public Mono<BookView> updateBook(long id, NewBook request) {
        return mapper.withSessionMono(s -> findBook(s, id).flatMap(book -> {
                    book.setTitle(request.title().strip());
                    if (book.getAuthorId().equals(request.authorId())) return Mono.just(book);
                    return existingAuthor(s, request.authorId()).map(author -> {
                        book.author.set(author); // author_id follows at the flush
                        return book;
                    });
                }))
                .flatMap(book -> audit.record("book updated", "books", book.getId()).thenReturn(book))
                .map(BookView::of);
    }

    @Transactional
    public Mono<Void> deleteBook(long id) {
        return mapper.withSessionMono(s -> findBook(s, id).flatMap(book -> s.delete(book).thenReturn(id)))
                .flatMap(deleted -> audit.record("book deleted", "books", deleted));
    }

    private static Mono<Book> findBook(Session s, long id) {
        return s.select(Book.class).where(Book_.id.eq(id)).options(Loads.joined(Book_.author)).first()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Book", id)));
    }

    /** The author a request body names: a missing one is an invalid request (400), not a missing resource. */
    private static Mono<Author> existingAuthor(Session s, Long authorId) {
        return s.get(Author.class, authorId).switchIfEmpty(Mono.error(() -> Problems.invalid(
                List.of(new FieldProblem("authorId", "author " + authorId + " does not exist")))));
    }
}
