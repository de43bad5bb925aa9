package dev.braid.examples.web;

import dev.braid.examples.catalog.Author;
import dev.braid.examples.catalog.Book;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What goes over the wire. The entities never do: {@code author.books} and {@code book.author} point at each
 * other, so serialising entities would recurse (or need annotations on the domain). These records are trees,
 * and each says exactly what it carries.
 */
public final class Dtos {
    private Dtos() {}

    /** An author with their books (the books without their author: it is the enclosing object). */
    public record AuthorView(Long id, String name, List<BookSummary> books) {
        public static AuthorView of(Author author) {
            return new AuthorView(author.getId(), author.getName(),
                    author.books.stream().map(BookSummary::of).toList());
        }
    }

    public record BookSummary(Long id, String title) {
        static BookSummary of(Book book) {
            return new BookSummary(book.getId(), book.getTitle());
        }
    }

    /** A book with its author (the author without their books). */
    public record BookView(Long id, String title, AuthorSummary author) {
        public static BookView of(Book book) {
            Author author = book.author.get();
            return new BookView(book.getId(), book.getTitle(), new AuthorSummary(author.getId(), author.getName()));
        }
    }

    public record AuthorSummary(Long id, String name) {}

    /** How many books an author has, counted by the database (a projection into this record, by name). */
    public record AuthorBookCount(Long id, String name, long books) {}

    /** One page of a list, with the total number of items. */
    public record Page<T>(List<T> items, int page, int size, long total) {}

    /** Create or replace an author; {@code books}, when given, becomes the author's list of books. */
    public record AuthorRequest(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 1000) List<@Valid @NotNull BookRequest> books) {}

    /** A book inside an {@link AuthorRequest}. */
    public record BookRequest(@NotBlank @Size(max = 300) String title) {}

    /** Create or change a book on its own: its title and its author. */
    public record NewBook(@NotBlank @Size(max = 300) String title, @NotNull Long authorId) {}
}
