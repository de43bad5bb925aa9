package dev.braid.reactive.model;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;

@Entity(table = "books")
public class Book {
    @Id @Identity Long id;
    @Column(length = 300) String title;
    @ForeignKey(entity = Author.class) Long authorId;

    public Book() {}

    public Book(String title, Long authorId) {
        this.title = title;
        this.authorId = authorId;
    }

    public Long getId() { return id; }

    public String getTitle() { return title; }

    public Long getAuthorId() { return authorId; }
}
