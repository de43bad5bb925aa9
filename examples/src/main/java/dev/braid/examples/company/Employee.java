package dev.braid.examples.company;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;

/** Seed 001's Employee: a name and {@code company_id = Column(Integer, ForeignKey('companies.id'))}. */
@Entity(table = "employees")
public class Employee {
    @Id @Identity public Long id;
    @Column(length = 100) public String name;
    @ForeignKey(entity = Company.class) public Long companyId;

    protected Employee() {}

    public Employee(String name) { this.name = name; }

    /** {@code Employee(name='Lisa', company_id=1)}: only the key, no object. */
    public Employee(String name, Long companyId) {
        this.name = name;
        this.companyId = companyId;
    }

    @Override
    public String toString() { return name; }
}
