package dev.braid.examples.company;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

/**
 * Seed 001's Company: {@code employees = relationship("Employee", cascade="all, delete-orphan")}. The
 * employees have no reference back, only their company_id, so the relationship names that column.
 */
@Entity(table = "companies")
public class Company {
    @Id @Identity public Long id;
    @Column(length = 100) public String name;

    @OneToMany(foreignKey = "companyId", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final RelatedList<Employee> employees = RelatedList.of(this);

    protected Company() {}

    public Company(String name) { this.name = name; }
}
