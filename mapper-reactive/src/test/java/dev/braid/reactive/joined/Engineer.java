package dev.braid.reactive.joined;

import dev.braid.annotation.Column;
import dev.braid.annotation.DiscriminatorValue;
import dev.braid.annotation.Entity;

/** An employee with a row in "engineers" too. */
@Entity(table = "engineers")
@DiscriminatorValue("engineer")
public class Engineer extends Employee {
    @Column(length = 30, nullable = false) public String language;

    protected Engineer() {}

    public Engineer(String name, String language) {
        super(name);
        this.language = language;
    }
}
