package dev.braid.reactive.graph;

import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.OneToOne;
import dev.braid.core.relation.Reference;

@Entity(table = "people")
public class Person {
    @Id @Identity public Long id;
    public String name;

    @OneToOne(backPopulates = "holder")
    public final Reference<Passport> passport = Reference.of(this);

    protected Person() {}

    public Person(String name) { this.name = name; }
}
