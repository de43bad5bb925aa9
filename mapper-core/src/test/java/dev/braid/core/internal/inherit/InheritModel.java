package dev.braid.core.internal.inherit;

import dev.braid.annotation.Column;
import dev.braid.annotation.DiscriminatorColumn;
import dev.braid.annotation.DiscriminatorValue;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.Inheritance;
import dev.braid.annotation.InheritanceStrategy;
import dev.braid.mapping.MappingRegistry;

/** A single-table hierarchy with an abstract base: Person (abstract), Engineer, Manager, Principal (an Engineer). */
final class InheritModel {
    private InheritModel() {}

    static MappingRegistry registry() {
        return MappingRegistry.builder().entity(Person.class, Engineer.class, Manager.class, Principal.class).build();
    }

    @Entity(table = "people")
    @Inheritance(strategy = InheritanceStrategy.SINGLE_TABLE)
    @DiscriminatorColumn(name = "type", length = 20)
    abstract static class Person {
        @Id @Identity Long id;
        @Column(length = 40, nullable = false) String name;
    }

    @Entity
    @DiscriminatorValue("eng")
    static class Engineer extends Person {
        @Column(length = 20, nullable = false) String language;
    }

    @Entity
    @DiscriminatorValue("mgr")
    static class Manager extends Person {
        Integer budget;
    }

    @Entity
    static class Principal extends Engineer {
        String area;
    }
}
