package dev.braid.core.internal.plan.load;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.internal.meta.EntityKey;
import dev.braid.annotation.LoadStrategy;
import dev.braid.core.internal.plan.load.JoinModel.Article;
import dev.braid.core.internal.plan.load.JoinModel.Basket;
import dev.braid.core.internal.plan.load.JoinModel.Fruit;
import dev.braid.query.Query;
import dev.braid.dialect.Dialect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 14 items 1 and 4 at the planner: to-many joins as a semi-join, and get() planned like a query. */
class QueryPlannerJoinTest {
    private final QueryPlanner pg = new QueryPlanner(JoinModel.registry(), Dialect.postgresql());

    private static final String ARTICLES = "SELECT articles.id, articles.title, articles.category_id FROM articles";
    private static final String TAGGED = "EXISTS (SELECT 1 FROM article_tags JOIN tags ON tags.id = article_tags.tag_id"
            + " WHERE article_tags.article_id = articles.id";

    @Test
    void aToManyJoinIsASemiJoinSoPagesCountRoots() {
        SelectPlan plan = pg.select(Query.from(Article.class).join(JoinModel_Article_.tags)
                .where(JoinModel_Tag_.name.eq("x")).orderBy(JoinModel_Article_.id.asc()).limit(2).offset(1));
        assertThat(plan.sql().sql()).isEqualTo(ARTICLES + " WHERE " + TAGGED + " AND tags.name = $1)"
                + " ORDER BY articles.id LIMIT $2 OFFSET $3");
        assertThat(plan.sql().binds()).extracting(b -> b.value()).containsExactly("x", 2L, 1L);
        assertThat(plan.distinctRoots()).isFalse(); // the database returns each root once
    }

    @Test
    void countWithAToManyJoinCountsRoots() {
        assertThat(pg.count(Query.from(Article.class).join(JoinModel_Article_.tags)).sql())
                .isEqualTo("SELECT COUNT(*) FROM articles WHERE " + TAGGED + ")");
    }

    @Test
    void aToOneJoinStaysAJoin() {
        Query<Article> q = Query.from(Article.class).join(JoinModel_Article_.category)
                .where(JoinModel_Category_.name.eq("news")).orderBy(JoinModel_Category_.name.asc());
        assertThat(pg.select(q).sql().sql()).isEqualTo(ARTICLES + " JOIN categories ON categories.id ="
                + " articles.category_id WHERE categories.name = $1 ORDER BY categories.name");
        assertThat(pg.count(q).sql()).isEqualTo("SELECT COUNT(*) FROM articles JOIN categories ON categories.id ="
                + " articles.category_id WHERE categories.name = $1");
    }

    @Test
    void aToOneJoinBelowAToManyOneIsInsideTheSemiJoin() {
        assertThat(pg.select(Query.from(Article.class).join(JoinModel_Article_.tags).join(JoinModel_Tag_.articles)
                        .where(JoinModel_Article_.title.eq("s2"))).sql().sql())
                .isEqualTo(ARTICLES + " WHERE EXISTS (SELECT 1 FROM article_tags JOIN tags ON tags.id ="
                        + " article_tags.tag_id JOIN article_tags article_tags_2 ON article_tags_2.tag_id = tags.id"
                        + " JOIN articles articles_2 ON articles_2.id = article_tags_2.article_id"
                        + " WHERE article_tags.article_id = articles.id AND articles.title = $1)");
    }

    @Test
    void orderingByAToManyJoinIsRefused() {
        assertThatThrownBy(() -> pg.select(Query.from(Article.class).join(JoinModel_Article_.tags)
                .orderBy(JoinModel_Tag_.name.asc())))
                .isInstanceOf(MapperException.class)
                .satisfies(e -> assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_QUERY))
                .hasMessageContaining("sorts by an attribute of the to-many join")
                .hasMessageContaining("Fix: order by attributes of Article or of a to-one join");
        // count() has no order, so the same query counts.
        assertThat(pg.count(Query.from(Article.class).join(JoinModel_Article_.tags)
                .orderBy(JoinModel_Article_.id.asc())).sql()).startsWith("SELECT COUNT(*) FROM articles WHERE EXISTS");
    }

    @Test
    void getPlansAJoinedDefaultAsAQueryDoes() {
        SelectPlan plan = pg.get(new EntityKey(Basket.class, 7L));
        assertThat(plan.sql().sql()).isEqualTo("SELECT baskets.id, baskets.label, fruits.id, fruits.name,"
                + " fruits.basket_id FROM baskets LEFT OUTER JOIN fruits ON fruits.basket_id = baskets.id"
                + " WHERE baskets.id = $1 ORDER BY baskets.id, fruits.id");
        assertThat(plan.sql().binds()).extracting(b -> b.value()).containsExactly(7L);
        assertThat(plan.joined()).extracting(j -> j.node().strategy()).containsExactly(LoadStrategy.JOINED);
        assertThat(plan.joined().get(0).offset()).isEqualTo(2);
        assertThat(plan.distinctRoots()).isTrue();
        // refresh keeps the single-row lookup, the JOINED default left to run after it
        assertThat(pg.byKey(new EntityKey(Basket.class, 7L)).sql().sql())
                .isEqualTo("SELECT baskets.id, baskets.label FROM baskets WHERE baskets.id = $1");
    }

    @Test
    void getWithoutEagerDefaultsIsThePlainLookup() {
        SelectPlan plan = pg.get(new EntityKey(Fruit.class, 3L));
        assertThat(plan.sql().sql()).isEqualTo("SELECT fruits.id, fruits.name, fruits.basket_id FROM fruits"
                + " WHERE fruits.id = $1");
        assertThat(plan.joined()).isEmpty();
        assertThat(plan.streamable()).isTrue();
    }
}
