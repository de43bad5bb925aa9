package dev.braid.examples.library;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;

@Entity(table = "authors")
public class Author {
    @Id @Identity Long id;
    @Column(length = 100, nullable = false) String name;

    protected Author() {}

    public Author(String name) { this.name = name; }

    public Long getId() { return id; }

    public String getName() { return name; }

    public void setName(String name) { this.name = name; }

    @Override
    public String toString() { return "Author(" + id + ", " + name + ")"; }
}
