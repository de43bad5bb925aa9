package dev.braid.reactive.joins;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;

/** An article's category: the to-one side of a join. */
@Entity(table = "categories")
public class Category {
    @Id @Identity public Long id;
    @Column(nullable = false) public String name;

    protected Category() {}

    public Category(String name) { this.name = name; }
}
