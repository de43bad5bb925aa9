package dev.braid.examples.web;

import dev.braid.examples.catalog.Author;
import dev.braid.examples.catalog.Author_;
import dev.braid.examples.web.Dtos.AuthorView;
import dev.braid.reactive.Mapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * What {@link StatementBudgetFilter} guards against, on purpose: {@code GET /api/demo/n-plus-one} reads the authors,
 * then loads each author's books with a statement of its own (1 + N statements). With more authors than the
 * budget allows it fails with {@code BRAID_BUDGET} (500, problem details naming {@code Loads.selectin(Author_.books)});
 * {@code GET /api/authors} reads the same graph in 3 statements (count, page, one selectin load), and
 * {@code GET /api/demo/coalesced} in 2: the same per-author loads, issued concurrently with {@code flatMap}, are
 * coalesced by the session into one selectin load.
 */
@RestController
@RequestMapping("/api/demo")
public class NPlusOneController {
    private final Mapper mapper;

    public NPlusOneController(Mapper mapper) {
        this.mapper = mapper;
    }

    /** Every author with their books, one load per author: the N+1 pattern. */
    @GetMapping("/n-plus-one")
    public Mono<List<AuthorView>> authorsOneLoadEach() {
        return mapper.readOnly(s -> s.select(Author.class).orderBy(Author_.id.asc()).all().collectList()
                .flatMapMany(authors -> Flux.fromIterable(authors)
                        .concatMap(author -> s.load(author, Author_.books).thenReturn(author))))
                .map(AuthorView::of)
                .collectList(); // the whole list, then the response: an error can still set the status
    }

    /**
     * Every author with their books, one load per author issued concurrently ({@code flatMap}, as a resolver per
     * author would): the session queues the loads and merges them into one selectin query, so this sends 2
     * statements where {@link #authorsOneLoadEach()} sends 1 + N.
     */
    @GetMapping("/coalesced")
    public Mono<List<AuthorView>> authorsLoadedConcurrently() {
        return mapper.readOnly(s -> s.select(Author.class).orderBy(Author_.id.asc()).all().collectList()
                .flatMapMany(authors -> Flux.fromIterable(authors)
                        .flatMap(author -> s.load(author, Author_.books).thenReturn(author))))
                .map(AuthorView::of)
                .sort(java.util.Comparator.comparing(AuthorView::id))
                .collectList();
    }
}
