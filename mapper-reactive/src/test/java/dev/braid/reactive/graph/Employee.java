package dev.braid.reactive.graph;

import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;

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
