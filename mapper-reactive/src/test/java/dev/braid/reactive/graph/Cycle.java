package dev.braid.reactive.graph;

import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

/** Mutual foreign keys between two tables: a department has a head, an employee a department. */
public final class Cycle {
    private Cycle() {}

    @Entity(table = "departments")
    public static class Department {
        @Id @Identity public Long id;
        public String name;
        @ForeignKey(entity = Staff.class) public Long headId;
        @ManyToOne(foreignKey = "headId") public final Reference<Staff> head = Reference.of(this);

        protected Department() {}

        public Department(String name) { this.name = name; }
    }

    @Entity(table = "staff")
    public static class Staff {
        @Id @Identity public Long id;
        public String name;
        @ForeignKey(entity = Department.class) public Long departmentId;
        @ManyToOne(foreignKey = "departmentId") public final Reference<Department> department = Reference.of(this);

        protected Staff() {}

        public Staff(String name) { this.name = name; }
    }
}
