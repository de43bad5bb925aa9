package dev.braid.reactive.graph;

import dev.braid.core.meta.Cascade;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.OneToMany;
import dev.braid.core.relation.RelatedList;

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
