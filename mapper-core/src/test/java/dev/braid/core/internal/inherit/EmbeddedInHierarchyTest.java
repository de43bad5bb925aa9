package dev.braid.core.internal.inherit;

import dev.braid.annotation.DiscriminatorValue;
import dev.braid.annotation.Embedded;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Inheritance;
import dev.braid.annotation.InheritanceStrategy;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.mapping.MappingRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Embedded values declared on the base and on a subclass of a single-table hierarchy. */
class EmbeddedInHierarchyTest {
    public record Address(String street, String city) {}

    @Entity(table = "sites")
    @Inheritance(strategy = InheritanceStrategy.SINGLE_TABLE)
    @DiscriminatorValue("site")
    public static class Site {
        @Id Long id;
        @Embedded Address address;
    }

    @Entity
    @DiscriminatorValue("depot")
    public static class Depot extends Site {
        @Embedded(prefix = "dock_") Address dock;
    }

    @Test
    void componentsOfTheBaseAndOfASubclassAreColumnsOfTheSharedTable() {
        MappingRegistry registry = MappingRegistry.builder().entity(Site.class, Depot.class).build();
        EntityMapping sites = registry.entity(Site.class);
        assertThat(sites.columns()).extracting(ColumnMapping::column)
                .containsExactly("id", "address_street", "address_city", "dock_street", "dock_city", "type");
        Depot depot = new Depot();
        depot.id = 1L;
        depot.address = new Address("Main", "Oslo");
        depot.dock = new Address("Pier", "Bergen");
        Object[] values = new Object[sites.columns().size()];
        for (int i = 0; i < values.length; i++) values[i] = sites.columns().get(i).get(depot);
        assertThat(values).containsExactly(1L, "Main", "Oslo", "Pier", "Bergen", "depot");
        Site site = new Site();
        site.id = 2L;
        assertThat(sites.columns().get(3).get(site)).isNull(); // a Site has no dock: its columns are NULL
    }
}
