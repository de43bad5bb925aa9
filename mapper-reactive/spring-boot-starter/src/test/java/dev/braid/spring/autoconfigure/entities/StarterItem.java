package dev.braid.spring.autoconfigure.entities;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;

/** A test entity the starter finds by scanning or by name. */
@Entity(table = "starter_items")
public class StarterItem {
    @Id @Identity Long id;
    @Column(length = 100, nullable = false) String name;

    protected StarterItem() {}

    public StarterItem(String name) { this.name = name; }

    public Long getId() { return id; }

    public String getName() { return name; }
}
