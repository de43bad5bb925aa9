package dev.braid.reactive.joined;

import dev.braid.annotation.Column;
import dev.braid.annotation.DiscriminatorColumn;
import dev.braid.annotation.DiscriminatorValue;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.Inheritance;
import dev.braid.annotation.InheritanceStrategy;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

/** The concrete base of a joined-table hierarchy: table "employees"; Engineer and Manager add tables of their own. */
@Entity(table = "employees")
@Inheritance(strategy = InheritanceStrategy.JOINED)
@DiscriminatorColumn(name = "kind")
@DiscriminatorValue("employee")
public class Employee {
    @Id @Identity public Long id;
    @Column(length = 50, nullable = false) public String name;
    @ForeignKey(entity = Company.class) public Long companyId;

    @ManyToOne(backPopulates = "employees")
    public final Reference<Company> company = Reference.of(this);

    protected Employee() {}

    public Employee(String name) { this.name = name; }

    @Override
    public String toString() { return getClass().getSimpleName() + "(" + id + ", " + name + ")"; }
}
