package dev.braid.examples.catalog;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

/**
 * Seed 002's Author with its books: {@code books = relationship("Book", back_populates="author",
 * cascade="all, delete-orphan")}. Deleting an author deletes their (loaded) books first; a book removed
 * from {@link #books} is deleted. Used by the seed scenarios, the streaming example and the web service.
 */
@Entity(table = "authors")
public class Author {
    @Id @Identity Long id;
    @Column(length = 100, nullable = false) String name;

    @OneToMany(backPopulates = "author", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final RelatedList<Book> books = RelatedList.of(this);

    protected Author() {}

    public Author(String name) { this.name = name; }

    public Long getId() { return id; }

    public String getName() { return name; }

    public void setName(String name) { this.name = name; }

    @Override
    public String toString() { return "Author(" + id + ", " + name + ")"; }
}
