package dev.braid.core.internal.plan.load;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.plan.load.JoinModel.Article;
import dev.braid.query.Query;
import dev.braid.dialect.Dialect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which keys a bulk delete reads back, and which held objects leave the session. */
class BulkDeleteTest {
    private final MappingRegistry registry = JoinModel.registry();
    private final QueryPlanner pg = new QueryPlanner(registry, Dialect.postgresql());
    private final IdentityMap session = new IdentityMap();
    private final Query<Article> byTitle = Query.from(Article.class).where(JoinModel_Article_.title.eq("old"));

    @Test
    void anEmptySessionNeedsNoKeys() {
        BulkDelete delete = BulkDelete.of(registry, pg, byTitle);
        assertThat(delete.readsKeys(session)).isFalse();
        assertThat(delete.plain().sql()).isEqualTo("DELETE FROM articles WHERE articles.title = $1");
        assertThat(delete.plain().binds()).extracting(b -> b.value()).containsExactly("old");
    }

    @Test
    void heldObjectsOfDeletedRowsLeaveTheSession() {
        EntityHydrator hydrator = new EntityHydrator(session);
        Article deleted = (Article) hydrator.hydrate(registry.entity(Article.class), Rows.of(5L, "old", null), 0);
        Article kept = (Article) hydrator.hydrate(registry.entity(Article.class), Rows.of(7L, "new", null), 0);

        BulkDelete delete = BulkDelete.of(registry, pg, byTitle);
        assertThat(delete.readsKeys(session)).isTrue();
        assertThat(delete.returningKeys().sql()).isEqualTo("DELETE FROM articles WHERE articles.title = $1 RETURNING id");
        assertThat(delete.keyTypes()).containsExactly(Long.class);

        long count = delete.forget(List.of(new Object[] {5L}, new Object[] {6L}), session);
        assertThat(count).isEqualTo(2); // row 6 was not held: counted, nothing to forget
        assertThat(session.contains(deleted)).isFalse();
        assertThat(session.contains(kept)).isTrue();
    }

    @Test
    void aDeleteWithoutAFilterIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> BulkDelete.of(registry, pg, Query.from(Article.class)))
                .isInstanceOf(MapperException.class)
                .satisfies(e -> assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_QUERY))
                .hasMessageContaining("without where(...)");
    }
}
