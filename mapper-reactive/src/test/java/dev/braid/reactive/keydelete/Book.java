package dev.braid.reactive.keydelete;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.Reference;
import dev.braid.relation.RelatedList;

@Entity(table = "books")
public class Book {
    @Id @Identity public Long id;
    @Column(nullable = false) public String title;
    @ForeignKey(entity = Author.class) @Column(nullable = false) public Long authorId;

    @ManyToOne(backPopulates = "books")
    public final Reference<Author> author = Reference.of(this);

    @OneToMany(backPopulates = "book", cascade = Cascade.ALL)
    public final RelatedList<Chapter> chapters = RelatedList.of(this);

    protected Book() {}

    public Book(String title, Author author) {
        this.title = title;
        this.author.set(author);
    }
}
