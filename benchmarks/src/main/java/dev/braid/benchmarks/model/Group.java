package dev.braid.benchmarks.model;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;

@Entity(table = "groups")
public class Group {
    @Id @Identity public Long id;
    @Column(unique = true) public String name;

    protected Group() {}
}
