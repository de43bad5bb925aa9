package dev.braid.examples.library;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;

@Entity(table = "books")
public class Book {
    @Id @Identity Long id;
    @Column(length = 300, nullable = false) String title;
    @ForeignKey(entity = Author.class) Long authorId;

    protected Book() {}

    public Book(String title, Long authorId) {
        this.title = title;
        this.authorId = authorId;
    }

    public Long getId() { return id; }

    public String getTitle() { return title; }

    public Long getAuthorId() { return authorId; }

    @Override
    public String toString() { return "Book(" + id + ", " + title + ", author " + authorId + ")"; }
}
