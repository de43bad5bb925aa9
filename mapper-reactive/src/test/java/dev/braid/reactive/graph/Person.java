package dev.braid.reactive.graph;

import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToOne;
import dev.braid.relation.Reference;

@Entity(table = "people")
public class Person {
    @Id @Identity public Long id;
    public String name;

    @OneToOne(backPopulates = "holder")
    public final Reference<Passport> passport = Reference.of(this);

    protected Person() {}

    public Person(String name) { this.name = name; }
}
