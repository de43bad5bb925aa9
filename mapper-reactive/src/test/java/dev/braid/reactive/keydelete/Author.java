package dev.braid.reactive.keydelete;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToMany;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

/** Books cascade (with their chapters), articles are detached (nullable key), fans are link rows. */
@Entity(table = "authors")
public class Author {
    @Id @Identity public Long id;
    @Column(nullable = false) public String name;

    @OneToMany(backPopulates = "author", cascade = Cascade.ALL)
    public final RelatedList<Book> books = RelatedList.of(this);

    @OneToMany(backPopulates = "author")
    public final RelatedList<Article> articles = RelatedList.of(this);

    @ManyToMany(table = "author_fans", column = "author_id", inverseColumn = "reader_id", backPopulates = "favorites")
    public final RelatedList<Reader> fans = RelatedList.of(this);

    protected Author() {}

    public Author(String name) { this.name = name; }

    @Override
    public String toString() { return "Author(" + id + ", " + name + ")"; }
}
