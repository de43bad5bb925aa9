package dev.braid.core.internal.plan.load;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.plan.load.JoinModel.Article;
import dev.braid.query.Query;
import dev.braid.dialect.Dialect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The windows of a streamed query without server-side cursors: keyset pages, else offset pages. */
class KeysetWindowsTest {
    private final MappingRegistry registry = JoinModel.registry();
    private final QueryPlanner h2 = new QueryPlanner(registry, Dialect.h2());

    private static final String ARTICLES = "SELECT articles.id, articles.title, articles.category_id FROM articles";

    @Test
    void windowsAfterTheFirstStartAfterTheLastKey() {
        KeysetWindows<Article> windows = KeysetWindows.of(registry,
                Query.from(Article.class).where(JoinModel_Article_.title.eq("t")), 100);
        assertThat(windows.keyset()).isTrue();

        SelectPlan first = h2.streamWindow(windows.window(0, null));
        assertThat(first.sql().sql()).isEqualTo(ARTICLES + " WHERE articles.title = $1 ORDER BY articles.id LIMIT $2");
        assertThat(first.sql().binds()).extracting(b -> b.value()).containsExactly("t", 100L);

        Article last = new Article();
        last.id = 41L;
        SelectPlan next = h2.streamWindow(windows.window(1, last));
        assertThat(next.sql().sql()).isEqualTo(ARTICLES
                + " WHERE articles.title = $1 AND articles.id > $2 ORDER BY articles.id LIMIT $3");
        assertThat(next.sql().binds()).extracting(b -> b.value()).containsExactly("t", 41L, 100L);
    }

    @Test
    void anOrderByIdAscendingKeepsKeysetWindows() {
        assertThat(KeysetWindows.of(registry, Query.from(Article.class).orderBy(JoinModel_Article_.id.asc()), 5)
                .keyset()).isTrue();
    }

    @Test
    void anyOtherTotalOrderContinuesAfterTheLastRow() {
        KeysetWindows<Article> byTitle = KeysetWindows.of(registry,
                Query.from(Article.class).orderBy(JoinModel_Article_.title.desc(), JoinModel_Article_.id.asc()), 5);
        assertThat(byTitle.keyset()).isTrue();
        assertThat(h2.streamWindow(byTitle.window(0, null)).sql().sql())
                .isEqualTo(ARTICLES + " ORDER BY articles.title DESC, articles.id LIMIT $1");
        Article last = new Article();
        last.id = 41L;
        last.title = "M";
        SelectPlan next = h2.streamWindow(byTitle.window(1, last));
        assertThat(next.sql().sql()).isEqualTo(ARTICLES + " WHERE articles.title <= $1 AND (articles.title < $2"
                + " OR (articles.title = $3 AND articles.id > $4)) ORDER BY articles.title DESC, articles.id LIMIT $5");
        assertThat(next.sql().binds()).extracting(b -> b.value()).containsExactly("M", "M", "M", 41L, 5L);
        assertThat(KeysetWindows.of(registry, Query.from(Article.class).orderBy(JoinModel_Article_.id.desc()), 5)
                .window(1, last).seek()).isNotNull(); // id descending: after the last row too
    }

    @Test
    void anOrderThatIsNotTotalOrNullableOrPagingFallsBackToOffsetWindows() {
        assertThat(KeysetWindows.of(registry, Query.from(Article.class)
                .orderBy(JoinModel_Article_.categoryId.asc(), JoinModel_Article_.id.asc()), 5).keyset()).isFalse();
        assertThat(KeysetWindows.of(registry, Query.from(Article.class).limit(10), 5).keyset()).isFalse();

        KeysetWindows<Article> byTitle = KeysetWindows.of(registry,
                Query.from(Article.class).orderBy(JoinModel_Article_.title.asc()), 5);
        assertThat(byTitle.keyset()).isFalse();
        Query<Article> third = byTitle.window(2, new Article());
        assertThat(third.offset()).isEqualTo(10L);
        assertThat(third.limit()).isEqualTo(5L);
        assertThat(third.where()).isNull(); // no key condition on offset pages
    }

    @Test
    void offsetWindowsStayInsideTheQuerysOwnPage() {
        KeysetWindows<Article> windows = KeysetWindows.of(registry, Query.from(Article.class).limit(5).offset(1), 2);
        assertThat(windows.window(0, null).offset()).isEqualTo(1L);
        assertThat(windows.window(0, null).limit()).isEqualTo(2L);
        assertThat(windows.window(2, null).offset()).isEqualTo(5L);
        assertThat(windows.window(2, null).limit()).isEqualTo(1L); // 5 roots in all: the last window has one
        assertThat(windows.window(3, null).limit()).isEqualTo(0L);
    }

    @Test
    void aWindowHoldsAtLeastOneRoot() {
        assertThatThrownBy(() -> KeysetWindows.of(registry, Query.from(Article.class), 0))
                .isInstanceOf(MapperException.class)
                .satisfies(e -> assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_ARGUMENT))
                .hasMessageContaining("at least 1 root, was 0");
    }
}
