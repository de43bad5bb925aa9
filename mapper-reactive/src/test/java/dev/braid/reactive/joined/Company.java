package dev.braid.reactive.joined;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

/** A company whose employees are a mix of the classes of {@link Employee}'s joined-table hierarchy. */
@Entity(table = "companies")
public class Company {
    @Id @Identity public Long id;
    @Column(length = 50) public String name;

    @OneToMany(backPopulates = "company", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final RelatedList<Employee> employees = RelatedList.of(this);

    protected Company() {}

    public Company(String name) { this.name = name; }
}
