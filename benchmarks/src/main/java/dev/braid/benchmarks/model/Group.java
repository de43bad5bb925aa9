package dev.braid.benchmarks.model;

import dev.braid.core.meta.annotation.Column;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;

@Entity(table = "groups")
public class Group {
    @Id @Identity public Long id;
    @Column(unique = true) public String name;

    protected Group() {}
}
