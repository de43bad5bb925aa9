package dev.braid.spring.autoconfigure.entities;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;

/** A second test entity: scanning finds it, {@code braid.entities=StarterItem} leaves it out. */
@Entity(table = "starter_tags")
public class StarterTag {
    @Id @Identity Long id;
    @Column(length = 40, nullable = false) String label;

    protected StarterTag() {}

    public StarterTag(String label) { this.label = label; }
}
