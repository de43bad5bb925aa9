package dev.braid.examples.web;

import dev.braid.query.Loads;
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
import dev.braid.reactive.Mapper;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.braid.query.Functions.count;

/**
 * Every use of Braid in the service. Each method is one session ({@code withSession} for reads,
 * {@code inTransaction} for writes): the session's connection is taken from the pool when the returned
 * publisher is subscribed and given back when it terminates or is cancelled (a client that goes away),
 * and a transaction that does not complete is rolled back. Entities never leave: results are DTOs.
 */
@Service
public class LibraryService {
    private final Mapper mapper;

    public LibraryService(Mapper mapper) {
        this.mapper = mapper;
    }

    // ------------------------------------------------------------------------------------------------ authors

    /** A page of authors in id order, their books loaded with one selectin query for the whole page. */
    public Mono<Page<AuthorView>> authors(int page, int size) {
        return mapper.withSessionMono(s -> s.select(Author.class).count()
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
        return mapper.withSession(s -> s.select(Author_.id, Author_.name, count(Book_.id).as("books"))
                .leftJoin(Author_.books)
                .groupBy(Author_.id, Author_.name)
                .orderBy(count(Book_.id).desc(), Author_.id.asc())
                .into(AuthorBookCount.class)
                .all());
    }

    public Mono<AuthorView> author(long id) {
        return mapper.withSessionMono(s -> findAuthor(s, id)).map(AuthorView::of);
    }

    /** One transaction: the author and their books, inserted together (cascade save-update). */
    public Mono<AuthorView> createAuthor(AuthorRequest request) {
        return mapper.inTransactionMono(s -> {
            Author author = new Author(request.name().strip());
            for (BookRequest book : books(request)) author.books.add(new Book(book.title().strip()));
            return s.add(author);
        }).map(AuthorView::of); // after the commit: the ids are there
    }

    /**
     * Renames the author; when the request has books, they become the author's list: books with a title the
     * author already has are kept, new titles are inserted, and books no longer listed are deleted
     * (delete-orphan). Only what changed is written.
     */
    public Mono<AuthorView> updateAuthor(long id, AuthorRequest request) {
        return mapper.inTransactionMono(s -> findAuthor(s, id).doOnNext(author -> {
            author.setName(request.name().strip());
            if (request.books() != null) {
                Map<String, List<Book>> current = new HashMap<>();
                for (Book book : author.books) current.computeIfAbsent(book.getTitle(), t -> new ArrayList<>()).add(book);
                List<Book> next = new ArrayList<>();
                for (BookRequest wanted : request.books()) {
                    String title = wanted.title().strip();
                    List<Book> same = current.getOrDefault(title, List.of());
                    next.add(same.isEmpty() ? new Book(title) : same.remove(0));
                }
                author.books.setAll(next);
            }
        })).map(AuthorView::of);
    }

    /** Deletes the author and, through the loaded collection's DELETE cascade, their books first. */
    public Mono<Void> deleteAuthor(long id) {
        return mapper.inTransaction(s -> findAuthor(s, id).flatMap(s::delete)).then();
    }

    /**
     * Every author with their books, streamed in windows of 500 (one books query per window), at the pace
     * the client reads: a slow client holds the stream, a client that disconnects cancels it and the
     * session's connection goes back to the pool.
     */
    public Flux<AuthorView> streamAuthors() {
        return mapper.withSession(s -> s.select(Author.class).options(Loads.selectin(Author_.books)).stream())
                .map(AuthorView::of);
    }

    /**
     * Imports authors as they arrive, all in one transaction: each one is inserted (and flushed, so its id is
     * known) and emitted; the transaction commits when the input ends. If the client goes away first, or an
     * input is invalid, nothing is kept.
     */
    public Flux<AuthorView> importAuthors(Flux<AuthorRequest> requests) {
        return mapper.inTransaction(s -> requests.concatMap(request -> {
            Author author = new Author(request.name().strip());
            for (BookRequest book : books(request)) author.books.add(new Book(book.title().strip()));
            return s.add(author).then(s.flush()).thenReturn(author);
        })).map(AuthorView::of);
    }

    private static Mono<Author> findAuthor(dev.braid.reactive.Session s, long id) {
        return s.select(Author.class).where(Author_.id.eq(id)).options(Loads.selectin(Author_.books)).first()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Author", id)));
    }

    private static List<BookRequest> books(AuthorRequest request) {
        return request.books() == null ? List.of() : request.books();
    }

    // ------------------------------------------------------------------------------------------------ books

    /** A page of books in id order, each with its author from the same statement (a LEFT OUTER JOIN). */
    public Mono<Page<BookView>> books(int page, int size) {
        return mapper.withSessionMono(s -> s.select(Book.class).count()
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
        return mapper.withSessionMono(s -> findBook(s, id)).map(BookView::of);
    }

    /** A book for an existing author: {@code new Book(title, author)} sets author_id at the flush. */
    public Mono<BookView> createBook(NewBook request) {
        return mapper.inTransactionMono(s -> existingAuthor(s, request.authorId())
                .flatMap(author -> s.add(new Book(request.title().strip(), author)))).map(BookView::of);
    }

    /** Changes the title and, when authorId differs, moves the book to that author. */
    public Mono<BookView> updateBook(long id, NewBook request) {
        return mapper.inTransactionMono(s -> findBook(s, id).flatMap(book -> {
            book.setTitle(request.title().strip());
            if (book.getAuthorId().equals(request.authorId())) return Mono.just(book);
            return existingAuthor(s, request.authorId()).map(author -> {
                book.author.set(author); // author_id follows at the flush
                return book;
            });
        })).map(BookView::of);
    }

    public Mono<Void> deleteBook(long id) {
        return mapper.inTransaction(s -> findBook(s, id).flatMap(s::delete)).then();
    }

    private static Mono<Book> findBook(dev.braid.reactive.Session s, long id) {
        return s.select(Book.class).where(Book_.id.eq(id)).options(Loads.joined(Book_.author)).first()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Book", id)));
    }

    /** The author a request body names: a missing one is an invalid request (400), not a missing resource. */
    private static Mono<Author> existingAuthor(dev.braid.reactive.Session s, Long authorId) {
        return s.get(Author.class, authorId).switchIfEmpty(Mono.error(() -> Problems.invalid(
                List.of(new FieldProblem("authorId", "author " + authorId + " does not exist")))));
    }
}
