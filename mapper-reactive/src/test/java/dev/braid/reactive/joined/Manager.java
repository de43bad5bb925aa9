package dev.braid.reactive.joined;

import dev.braid.annotation.DiscriminatorValue;
import dev.braid.annotation.Entity;

/** An employee with a row in "managers" too. */
@Entity(table = "managers")
@DiscriminatorValue("manager")
public class Manager extends Employee {
    public int budget;

    protected Manager() {}

    public Manager(String name, int budget) {
        super(name);
        this.budget = budget;
    }
}
