package dev.braid.examples.catalog;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

/**
 * Seed 002's Book: {@code author_id = Column(Integer, ForeignKey("authors.id"), nullable=False)} and
 * {@code author = relationship("Author", back_populates="books")}. Set {@link #author} (or add the book to
 * {@code author.books}); Braid writes author_id at the flush, after the author's key exists.
 */
@Entity(table = "books")
public class Book {
    @Id @Identity Long id;
    @Column(length = 300, nullable = false) String title;
    @ForeignKey(entity = Author.class) @Column(nullable = false) Long authorId;

    @ManyToOne(backPopulates = "books")
    public final Reference<Author> author = Reference.of(this);

    protected Book() {}

    public Book(String title) { this.title = title; }

    /** {@code Book(title="Emma", author=austen)}: both ends are in sync at once. */
    public Book(String title, Author author) {
        this.title = title;
        this.author.set(author);
    }

    public Long getId() { return id; }

    public String getTitle() { return title; }

    public void setTitle(String title) { this.title = title; }

    public Long getAuthorId() { return authorId; }

    @Override
    public String toString() { return "Book(" + id + ", " + title + ", author " + authorId + ")"; }
}
