package dev.braid.benchmarks.model;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

@Entity(table = "books")
public class Book {
    @Id @Identity public Long id;
    @Column(length = 300) public String title;
    @ForeignKey(entity = Author.class) public Long authorId;

    @ManyToOne(backPopulates = "books")
    public final Reference<Author> author = Reference.of(this);

    protected Book() {}

    public Book(String title) { this.title = title; }
}
