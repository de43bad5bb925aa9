package dev.braid.examples.web;

import dev.braid.examples.web.Dtos.AuthorBookCount;
import dev.braid.examples.web.Dtos.AuthorRequest;
import dev.braid.examples.web.Dtos.AuthorView;
import dev.braid.examples.web.Dtos.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * /api/authors as an annotated controller. Validation: {@code @Valid} bodies and constrained parameters give
 * 400 problem details ({@link ProblemDetailsAdvice}); unknown ids give 404.
 */
@RestController
@RequestMapping("/api/authors")
public class AuthorController {
    private final LibraryService library;

    public AuthorController(LibraryService library) {
        this.library = library;
    }

    @GetMapping
    public Mono<Page<AuthorView>> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return library.authors(page, size);
    }

    /** Every author with their number of books, most first (one statement, counted by the database). */
    @GetMapping("/book-counts")
    public Flux<AuthorBookCount> bookCounts() {
        return library.bookCounts();
    }

    @GetMapping("/{id}")
    public Mono<AuthorView> get(@PathVariable long id) {
        return library.author(id);
    }

    /** An author with their books in one request, one transaction: 201 with its location. */
    @PostMapping
    public Mono<ResponseEntity<AuthorView>> create(@Valid @RequestBody AuthorRequest request) {
        return library.createAuthor(request)
                .map(author -> ResponseEntity.created(URI.create("/api/authors/" + author.id())).body(author));
    }

    @PutMapping("/{id}")
    public Mono<AuthorView> update(@PathVariable long id, @Valid @RequestBody AuthorRequest request) {
        return library.updateAuthor(id, request);
    }

    /** Deletes the author and their books: 204. */
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable long id) {
        return library.deleteAuthor(id).thenReturn(ResponseEntity.noContent().build());
    }

    /** Server-Sent Events: every author with their books, one event each, as fast as the client reads. */
    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<AuthorView>> stream() {
        return library.streamAuthors()
                .map(author -> ServerSentEvent.builder(author).id(String.valueOf(author.id())).event("author").build());
    }

    /**
     * A streaming, all-or-nothing import: newline-delimited JSON authors in, one {@code saved} event per author out
     * while they are inserted, then one {@code committed} event once the transaction has committed. A client
     * that disconnects before the end rolls the whole import back. An invalid author (or a write the database
     * refuses) rolls it back too and ends the stream with a {@code failed} event carrying the problem details, sent
     * after the service's transaction has rolled back (the response is an event stream with status 200 from its
     * first event on, so failures are events too).
     */
    @PostMapping(value = "/import", consumes = MediaType.APPLICATION_NDJSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> importAuthors(@Valid @RequestBody Flux<AuthorRequest> authors) {
        AtomicLong saved = new AtomicLong();
        return library.importAuthors(authors)
                .map(author -> {
                    saved.incrementAndGet();
                    return ServerSentEvent.<Object>builder(author).event("saved").build();
                })
                .concatWith(Mono.fromCallable(() -> ServerSentEvent.<Object>builder(Map.of("authors", saved.get()))
                        .event("committed").build()))
                .onErrorResume(error -> Problems.describe(error)
                        .map(problem -> Mono.just(ServerSentEvent.<Object>builder(problem).event("failed").build()))
                        .orElseGet(() -> Mono.error(error)));
    }
}
