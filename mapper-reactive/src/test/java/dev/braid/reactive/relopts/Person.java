package dev.braid.reactive.relopts;

import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;

@Entity(table = "ro_people")
public class Person {
    @Id @Identity public Long id;
    public String name;

    protected Person() {}

    public Person(String name) { this.name = name; }

    @Override
    public String toString() { return name; }
}
