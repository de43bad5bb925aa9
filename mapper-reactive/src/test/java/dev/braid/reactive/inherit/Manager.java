package dev.braid.reactive.inherit;

import dev.braid.annotation.DiscriminatorValue;
import dev.braid.annotation.Entity;

@Entity
@DiscriminatorValue("manager")
public class Manager extends Staff {
    public Integer budget;

    protected Manager() {}

    public Manager(String name, Integer budget) {
        super(name);
        this.budget = budget;
    }
}
