package dev.braid.benchmarks.model;

import dev.braid.core.meta.annotation.Column;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.ForeignKey;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.ManyToOne;
import dev.braid.core.relation.Reference;

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
