package dev.braid.reactive.keydelete;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

/** Kept when its author goes: the key is nullable and the author's collection does not cascade DELETE. */
@Entity(table = "articles")
public class Article {
    @Id @Identity public Long id;
    @Column(nullable = false) public String title;
    @ForeignKey(entity = Author.class) public Long authorId;

    @ManyToOne(backPopulates = "articles")
    public final Reference<Author> author = Reference.of(this);

    protected Article() {}

    public Article(String title, Author author) {
        this.title = title;
        this.author.set(author);
    }
}
