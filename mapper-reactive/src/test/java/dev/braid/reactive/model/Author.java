package dev.braid.reactive.model;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;

@Entity(table = "authors")
public class Author {
    @Id @Identity Long id;
    @Column(length = 100, nullable = false) String name;
    Integer born;

    public Author() {}

    public Author(String name, Integer born) {
        this.name = name;
        this.born = born;
    }

    public Long getId() { return id; }

    public String getName() { return name; }

    public void setName(String name) { this.name = name; }

    public Integer getBorn() { return born; }

    public void setBorn(Integer born) { this.born = born; }

    @Override
    public String toString() { return "Author[" + id + ", " + name + ", " + born + "]"; }
}
