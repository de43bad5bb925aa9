package dev.braid.reactive.inherit;

import dev.braid.annotation.Column;
import dev.braid.annotation.DiscriminatorValue;
import dev.braid.annotation.Entity;

@Entity
@DiscriminatorValue("engineer")
public class Engineer extends Staff {
    @Column(length = 30) public String language;

    protected Engineer() {}

    public Engineer(String name, String language) {
        super(name);
        this.language = language;
    }
}
