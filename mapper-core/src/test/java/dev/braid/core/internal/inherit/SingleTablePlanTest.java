package dev.braid.core.internal.inherit;

import dev.braid.annotation.InheritanceStrategy;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.Hierarchy;
import dev.braid.core.internal.plan.load.QueryPlanner;
import dev.braid.core.internal.plan.schema.SchemaPlanner;
import dev.braid.dialect.Dialect;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Query;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Single-table inheritance at configure and plan time, without a database. */
class SingleTablePlanTest {
    private final MappingRegistry registry = InheritModel.registry();
    private final QueryPlanner pg = new QueryPlanner(registry, Dialect.postgresql());
    private final QueryPlanner h2 = new QueryPlanner(registry, Dialect.h2());
    private static final String PEOPLE = "SELECT people.id, people.name, people.language, people.budget, people.area,"
            + " people.type FROM people";

    @Test
    void everyClassOfTheHierarchySharesTheBaseMapping() {
        EntityMapping people = registry.entity(InheritModel.Person.class);
        assertThat(registry.entity(InheritModel.Engineer.class)).isSameAs(people);
        assertThat(registry.entity(InheritModel.Principal.class)).isSameAs(people);
        assertThat(registry.entities()).containsExactly(people);
        assertThat(people.columns()).extracting(ColumnMapping::column)
                .containsExactly("id", "name", "language", "budget", "area", "type");
        // Subclass columns are nullable whatever they declare; the discriminator is not.
        assertThat(people.columns()).extracting(ColumnMapping::nullable)
                .containsExactly(false, false, true, true, true, false);
        Hierarchy hierarchy = people.hierarchy();
        assertThat(hierarchy.strategy()).isEqualTo(InheritanceStrategy.SINGLE_TABLE);
        assertThat(hierarchy.values()).isEqualTo(Map.of(InheritModel.Engineer.class, "eng",
                InheritModel.Manager.class, "mgr", InheritModel.Principal.class, "principal")); // default: lower-cased name
        assertThat(hierarchy.valuesUnder(InheritModel.Engineer.class)).containsExactly("eng", "principal");
        assertThat(people.keyFor(1L)).isEqualTo(people.keyFor(1L)); // one key type: the base's
        assertThat(people.keyFor(1L).type()).isEqualTo(InheritModel.Person.class);
    }

    @Test
    void aQueryOverTheBaseReadsEveryColumnAndFiltersNothing() {
        assertThat(pg.select(Query.from(InheritModel.Person.class)).sql().sql()).isEqualTo(PEOPLE);
    }

    @Test
    void aQueryOverASubclassFiltersOnItsAndItsSubclassesValues() {
        var plan = pg.select(Query.from(InheritModel.Engineer.class)
                .where(InheritModel_Engineer_.language.eq("java").and(InheritModel_Engineer_.name.startsWith("a"))));
        assertThat(plan.sql().sql()).isEqualTo(PEOPLE + " WHERE people.type = ANY($1)"
                + " AND people.language = $2 AND people.name LIKE $3 ESCAPE '\\'");
        assertThat(plan.sql().binds().get(0).value()).isEqualTo(new String[]{"eng", "principal"});
        assertThat(pg.select(Query.from(InheritModel.Engineer.class).where(InheritModel_Engineer_.language.eq("java")
                .or(InheritModel_Engineer_.name.eq("x")))).sql().sql())
                .isEqualTo(PEOPLE + " WHERE people.type = ANY($1) AND (people.language = $2 OR people.name = $3)");
        assertThat(h2.select(Query.from(InheritModel.Manager.class)).sql().sql()).isEqualTo(PEOPLE + " WHERE people.type = $1");
        assertThat(h2.select(Query.from(InheritModel.Manager.class)).sql().binds()).extracting(b -> b.value())
                .containsExactly("mgr");
        assertThat(h2.count(Query.from(InheritModel.Principal.class)).sql())
                .isEqualTo("SELECT COUNT(*) FROM people WHERE people.type = $1");
    }

    @Test
    void projectionsAndBulkStatementsOverASubclassFilterToo() {
        var projections = new dev.braid.core.internal.plan.load.ProjectionPlanner(registry,
                new dev.braid.core.internal.sql.SqlRenderer(Dialect.h2()), new dev.braid.core.internal.plan.load.LoadPlanner(registry));
        assertThat(projections.plan(dev.braid.query.Projections.of(InheritModel_Manager_.name, InheritModel_Manager_.budget)
                        .where(InheritModel_Manager_.budget.gt(3))).sql().sql())
                .isEqualTo("SELECT people.name, people.budget FROM people WHERE people.type = $1 AND people.budget > $2");
        assertThat(projections.plan(dev.braid.query.Projections.of(InheritModel_Person_.name)).sql().sql())
                .isEqualTo("SELECT people.name FROM people");
        assertThat(h2.bulkDelete(Query.from(InheritModel.Engineer.class).where(InheritModel_Engineer_.language.eq("cobol")),
                false).sql()).isEqualTo("DELETE FROM people WHERE people.type IN ($1, $2) AND people.language = $3");
    }

    @Test
    void theMetamodelOfASubclassHasTheInheritedAttributes() {
        assertThat(InheritModel_Principal_.name.entityType()).isEqualTo(InheritModel.Principal.class);
        assertThat(InheritModel_Principal_.name.name()).isEqualTo("name");
        assertThat(InheritModel_Principal_.language.name()).isEqualTo("language");
        assertThat(InheritModel_Principal_.area.name()).isEqualTo("area");
        assertThat(InheritModel_Principal_.id.valueType()).isEqualTo(Long.class);
    }

    @Test
    void theTableHoldsTheDiscriminatorColumn() {
        assertThat(new SchemaPlanner(registry, Dialect.h2()).create(false).get(0).sql()).isEqualTo("CREATE TABLE people"
                + " (id bigint GENERATED BY DEFAULT AS IDENTITY, name varchar(40) NOT NULL, language varchar(20),"
                + " budget integer, area varchar, type varchar(20) NOT NULL, PRIMARY KEY (id))");
    }

    @Test
    void rowsBecomeObjectsOfTheirDiscriminatorsClass() {
        EntityMapping people = registry.entity(InheritModel.Person.class);
        Object principal = people.instantiate(new Object[]{1L, "ann", "rust", null, "compilers", "principal"});
        assertThat(principal).isInstanceOf(InheritModel.Principal.class);
        assertThat(((InheritModel.Principal) principal).area).isEqualTo("compilers");
        assertThat(((InheritModel.Principal) principal).language).isEqualTo("rust");
        Object manager = people.instantiate(new Object[]{2L, "bob", null, 7, null, "mgr"});
        assertThat(manager).isInstanceOf(InheritModel.Manager.class);
        assertThat(people.readDatabaseValues(manager)).containsExactly(2L, "bob", null, 7, null, "mgr");
    }
}
