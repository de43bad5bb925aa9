package dev.braid.reactive.keydelete;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

@Entity(table = "chapters")
public class Chapter {
    @Id @Identity public Long id;
    @Column(nullable = false) public String title;
    @ForeignKey(entity = Book.class) @Column(nullable = false) public Long bookId;

    @ManyToOne(backPopulates = "chapters")
    public final Reference<Book> book = Reference.of(this);

    protected Chapter() {}

    public Chapter(String title, Book book) {
        this.title = title;
        this.book.set(book);
    }
}
