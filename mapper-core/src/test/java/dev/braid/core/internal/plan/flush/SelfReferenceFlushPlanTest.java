package dev.braid.core.internal.plan.flush;

import dev.braid.core.fixtures.Category;
import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.mapping.MappingRegistry;
import dev.braid.statement.RenderedSql;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.dialect.Dialect;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans for a table referencing its own rows, run against a simulated database (no I/O). */
class SelfReferenceFlushPlanTest {
    private final MappingRegistry registry = MappingRegistry.builder().entity(Category.class).build();
    private final EntityMapping categories = registry.entity(Category.class);
    private final AtomicLong keys = new AtomicLong();

    /** Root, 3 children, 9 grandchildren: three levels. */
    private List<Category> tree() {
        List<Category> all = new ArrayList<>();
        Category root = new Category("root", null);
        all.add(root);
        for (int i = 0; i < 3; i++) {
            Category child = new Category("c" + i, root);
            all.add(child);
            for (int j = 0; j < 3; j++) all.add(new Category("c" + i + "." + j, child));
        }
        return all;
    }

    /** Renders and "runs" every step in order, answering generated keys; returns the SQL sent. */
    private List<RenderedSql> run(FlushPlan plan) {
        List<RenderedSql> sent = new ArrayList<>();
        for (WriteStep step : plan.steps()) {
            RenderedSql sql = step.render();
            if (sql == null) continue;
            sent.add(sql);
            if (step.kind() == WriteStep.Kind.ALLOCATE_IDS) {
                int n = (Integer) sql.binds().get(2).value();
                Long[] allocated = new Long[n];
                for (int i = 0; i < n; i++) allocated[i] = keys.incrementAndGet();
                step.applied(1, Collections.singletonList(new Object[]{allocated}));
            } else if (!step.returnedTypes().isEmpty()) {
                int n = sql.binds().size() / 2; // name, parent_id per row
                List<Object[]> rows = new ArrayList<>();
                for (int i = 0; i < n; i++) rows.add(new Object[]{keys.incrementAndGet()});
                step.applied(n, rows);
            } else {
                Object first = sql.binds().get(0).value();
                step.applied(first instanceof Object[] array ? array.length : sql.sql().startsWith("DELETE")
                        ? sql.binds().size() : 1, List.of());
            }
        }
        plan.succeeded();
        return sent;
    }

    private UnitOfWork unitOfWork(Dialect dialect) {
        return new UnitOfWork(registry, new IdentityMap(), new SqlRenderer(dialect));
    }

    @Test
    void newRowsAddedDeepestFirstAreInsertedOneStatementPerLevelParentsFirstOnH2() {
        UnitOfWork uow = unitOfWork(Dialect.h2());
        List<Category> all = tree();
        for (int i = all.size() - 1; i >= 0; i--) uow.add(all.get(i)); // children before their parents
        List<String> sql = run(uow.planFlush()).stream().map(RenderedSql::sql).toList();
        assertThat(sql).hasSize(3);
        assertThat(sql.get(0)).isEqualTo("SELECT id FROM FINAL TABLE (INSERT INTO categories (name, parent_id) VALUES ($1, $2))");
        assertThat(sql.get(1)).endsWith("VALUES ($1, $2), ($3, $4), ($5, $6))");
        assertThat(sql.get(2)).endsWith("($17, $18))");
        for (Category c : all) {
            assertThat(c.id).isNotNull();
            assertThat(c.parentId).isEqualTo(c.parent.get() == null ? null : c.parent.get().id);
        }
    }

    @Test
    void onPostgresEveryLevelSharesOneKeyAllocation() {
        UnitOfWork uow = unitOfWork(Dialect.postgresql());
        List<Category> all = tree();
        for (Category c : all) uow.add(c);
        List<RenderedSql> sent = run(uow.planFlush());
        assertThat(sent).hasSize(4);
        assertThat(sent.get(0).sql()).startsWith("WITH braid_seq AS MATERIALIZED");
        assertThat(sent.get(0).binds().get(2).value()).isEqualTo(13);
        for (int level = 0; level < 3; level++) {
            assertThat(sent.get(1 + level).sql()).startsWith("INSERT INTO categories (id, name, parent_id) SELECT * FROM unnest(");
            assertThat((Object[]) sent.get(1 + level).binds().get(0).value()).hasSize(new int[]{1, 3, 9}[level]);
        }
        for (Category c : all) assertThat(c.parentId).isEqualTo(c.parent.get() == null ? null : c.parent.get().id);
    }

    @Test
    void deletedRowsGoOneStatementPerLevelDeepestFirst() {
        IdentityMap identityMap = new IdentityMap();
        UnitOfWork uow = new UnitOfWork(registry, identityMap, new SqlRenderer(Dialect.h2()));
        List<Category> all = tree();
        for (Category c : all) { // as if loaded: keys and parent keys in place
            c.id = keys.incrementAndGet();
            c.parentId = c.parent.get() == null ? null : c.parent.get().id;
        }
        for (Category c : all) identityMap.loaded(categories, c, c.id, categories.readDatabaseValues(c));
        for (Category c : all) uow.delete(c); // parents first
        List<String> sql = run(uow.planFlush()).stream().map(RenderedSql::sql).toList();
        assertThat(sql).hasSize(3);
        assertThat(sql.get(0)).startsWith("DELETE FROM categories WHERE id IN (").endsWith(", $9)");
        assertThat(sql.get(1)).isEqualTo("DELETE FROM categories WHERE id IN ($1, $2, $3)");
        assertThat(sql.get(2)).isEqualTo("DELETE FROM categories WHERE id = $1");
    }

    @Test
    void twoNewRowsReferencingEachOtherGetOnePostUpdate() {
        UnitOfWork uow = unitOfWork(Dialect.h2());
        Category a = new Category("a", null);
        Category b = new Category("b", a);
        a.parent.set(b);
        uow.add(a);
        uow.add(b);
        List<String> sql = run(uow.planFlush()).stream().map(RenderedSql::sql).toList();
        assertThat(sql).hasSize(3);
        assertThat(sql.get(2)).isEqualTo("UPDATE categories SET parent_id = $1 WHERE id = $2");
        assertThat(a.parentId).isEqualTo(b.id);
        assertThat(b.parentId).isEqualTo(a.id);
    }

    @Test
    void aChainOfAHundredThousandRowsIsLevelledWithoutRecursion() {
        IdentityMap identityMap = new IdentityMap();
        List<Category> chain = new ArrayList<>();
        Category parent = null;
        for (int i = 0; i < 100_000; i++) chain.add(parent = new Category("n" + i, parent));
        List<EntityState> rows = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) rows.add(identityMap.pending(categories, chain.get(i)));
        SelfReferenceLevels.sortParentsFirst(rows, s -> {
            Category p = ((Category) s.entity()).parent.get();
            return p == null ? List.of() : List.of(p);
        });
        for (int i = 0; i < chain.size(); i++) assertThat(rows.get(i).entity()).isSameAs(chain.get(i));
    }
}
