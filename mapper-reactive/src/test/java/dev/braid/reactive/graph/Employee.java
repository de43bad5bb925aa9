package dev.braid.reactive.graph;

import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.ForeignKey;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;

@Entity(table = "employees")
public class Employee {
    @Id @Identity public Long id;
    public String name;
    @ForeignKey(entity = Company.class) public Long companyId;

    protected Employee() {}

    public Employee(String name) { this.name = name; }

    public Employee(String name, Long companyId) {
        this.name = name;
        this.companyId = companyId;
    }

    @Override
    public String toString() { return name; }
}
