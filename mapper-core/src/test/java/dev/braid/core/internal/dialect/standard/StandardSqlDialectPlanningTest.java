package dev.braid.core.internal.dialect.standard;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.fixtures.Author;
import dev.braid.core.fixtures.Author_;
import dev.braid.core.fixtures.Category;
import dev.braid.core.fixtures.Fixtures;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.core.internal.plan.flush.FlushPlan;
import dev.braid.core.internal.plan.flush.UnitOfWork;
import dev.braid.core.internal.plan.flush.WriteStep;
import dev.braid.core.internal.plan.load.QueryPlanner;
import dev.braid.query.Query;
import dev.braid.statement.Bind;
import dev.braid.statement.RenderedSql;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.dialect.Dialect;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A third database, added as a dialect package only (test code: {@link StandardSqlDialect}): the
 * planners, unchanged, plan its selects, selectin loads and insert batches in plain standard SQL.
 */
class StandardSqlDialectPlanningTest {
    private final Dialect standard = new StandardSqlDialect();

    /** An entity whose key the application assigns: what a database that returns nothing can insert. */
    @Entity(table = "labels")
    public static class Label {
        @Id @Column(length = 20) String code;
        @Column(length = 40) String title;

        public Label() {}

        Label(String code, String title) {
            this.code = code;
            this.title = title;
        }
    }

    @Test
    void isFoundByItsProductNameThroughTheServiceRegistrationAlone() {
        assertThat(Dialect.forProductName("StandardSQL")).isInstanceOf(StandardSqlDialect.class);
        assertThat(Dialect.forProductName("H2")).isSameAs(Dialect.h2());
    }

    @Test
    void plansASelectWithMarkersAndStandardPaging() {
        QueryPlanner planner = new QueryPlanner(Fixtures.registry(), standard);
        RenderedSql sql = planner.select(Query.from(Author.class).where(Author_.id.in(1L, 2L, 3L))
                .orderBy(Author_.name.asc()).limit(10).offset(20)).sql();
        assertThat(sql.sql()).isEqualTo("SELECT authors.id, authors.name, authors.version FROM authors"
                + " WHERE authors.id IN (?, ?, ?) ORDER BY authors.name OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
        assertThat(sql.binds()).extracting(Bind::value).containsExactly(1L, 2L, 3L, 20L, 10L);
    }

    @Test
    void bindsEvenALongInListAsMarkersNeverAsAnArray() {
        QueryPlanner planner = new QueryPlanner(Fixtures.registry(), standard);
        Long[] ids = LongStream.rangeClosed(1, 700).boxed().toArray(Long[]::new);
        RenderedSql sql = planner.select(Query.from(Author.class).where(Author_.id.in(ids))).sql();
        assertThat(sql.binds()).hasSize(700).extracting(Bind::type).containsOnly(Long.class);
        assertThat(sql.sql()).doesNotContain("ANY").endsWith("?, ?)");
    }

    @Test
    void plansASelectinLoadAsAnInListOfTheParentKeys() {
        MappingRegistry registry = MappingRegistry.builder().entity(Category.class).build();
        QueryPlanner planner = new QueryPlanner(registry, standard);
        RelationshipMapping parent = registry.entity(Category.class).relationship("parent").orElseThrow();
        RenderedSql sql = planner.selectin(parent, List.of(1L, 2L)).sql();
        assertThat(sql.sql()).startsWith("SELECT categories.id, ").endsWith(" FROM categories WHERE categories.id IN (?, ?)");
        assertThat(sql.binds()).extracting(Bind::value).containsExactly(1L, 2L);
        // another chunk renders its own list: no array template to reuse
        assertThat(planner.selectin(parent, List.of(5L, 6L, 7L)).sql().sql()).endsWith("IN (?, ?, ?)");
    }

    @Test
    void plansAnInsertBatchAsOneInsertPerRow() {
        MappingRegistry registry = MappingRegistry.builder().entity(Label.class).build();
        UnitOfWork uow = new UnitOfWork(registry, new IdentityMap(), new SqlRenderer(standard));
        uow.add(new Label("a", "Alpha"));
        uow.add(new Label("b", "Beta"));
        uow.add(new Label("c", null));
        FlushPlan plan = uow.planFlush();
        List<RenderedSql> sent = new ArrayList<>();
        for (WriteStep step : plan.steps()) {
            RenderedSql sql = step.render();
            if (sql == null) continue;
            sent.add(sql);
            step.applied(1, List.of());
        }
        plan.succeeded();
        assertThat(sent).extracting(RenderedSql::sql).containsOnly("INSERT INTO labels (code, title) VALUES (?, ?)").hasSize(3);
        assertThat(sent).flatExtracting(RenderedSql::binds).extracting(Bind::value)
                .containsExactly("a", "Alpha", "b", "Beta", "c", null);
    }

    @Test
    void refusesAGeneratedKeyItCannotReadBackWithAClearError() {
        UnitOfWork uow = new UnitOfWork(Fixtures.registry(), new IdentityMap(), new SqlRenderer(standard));
        uow.add(new Author("Austen"));
        WriteStep insert = uow.planFlush().steps().get(0);
        assertThatThrownBy(insert::render)
                .isInstanceOfSatisfying(MapperException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BRAID_MAPPING))
                .hasMessageContaining("StandardSQL cannot return [id] from an INSERT")
                .hasMessageContaining("Fix: assign the key in the application");
    }

    @Test
    void bulkDeletesWithoutReturningButRefusesToReturnTheDeletedKeys() {
        QueryPlanner planner = new QueryPlanner(Fixtures.registry(), standard);
        Query<Author> q = Query.from(Author.class).where(Author_.name.eq("x"));
        assertThat(planner.bulkDelete(q, false).sql()).isEqualTo("DELETE FROM authors WHERE authors.name = ?");
        assertThatThrownBy(() -> planner.bulkDelete(q, true))
                .isInstanceOfSatisfying(MapperException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BRAID_MAPPING))
                .hasMessageContaining("cannot return [id] from a DELETE");
    }

    @Test
    void hasNoCursorsSoTheCursorStatementsAreNeverPlanned() {
        QueryPlanner planner = new QueryPlanner(Fixtures.registry(), standard);
        assertThat(standard.cursors()).isEmpty();
        assertThatThrownBy(() -> planner.fetchCursor("c", 10)).isInstanceOfSatisfying(MapperException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BRAID_INTERNAL)).hasMessageContaining("keyset windows");
    }
}
