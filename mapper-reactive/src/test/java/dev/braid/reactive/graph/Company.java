package dev.braid.reactive.graph;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

/** Seed 001: employees without a reverse reference (the child only has company_id). */
@Entity(table = "companies")
public class Company {
    @Id @Identity public Long id;
    public String name;

    @OneToMany(foreignKey = "companyId", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final RelatedList<Employee> employees = RelatedList.of(this);

    protected Company() {}

    public Company(String name) { this.name = name; }
}
