package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.plan.load.PageModel.Blog;
import dev.braid.core.internal.plan.load.PageModel.Post;
import dev.braid.dialect.Dialect;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.query.Query;
import dev.braid.statement.Bind;
import dev.braid.statement.RenderedSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQL of keyset pages ({@code seekAfter}) over any total order, and the orders refused. */
class KeysetConditionTest {
    private static final String COLUMNS = "SELECT posts.id, posts.title, posts.published, posts.score, posts.slug,"
            + " posts.blog_id, posts.version FROM posts";
    private final QueryPlanner pg = new QueryPlanner(PageModel.registry(), Dialect.postgresql());
    private final Post last = new Post(41L, "Emma", LocalDate.of(2024, 3, 1), "emma");

    private RenderedSql sql(Query<?> query) {
        return pg.select(query).sql();
    }

    private String message(Executable call) {
        try {
            call.execute();
        } catch (MapperException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.BRAID_QUERY);
            return e.getMessage();
        } catch (Throwable e) {
            throw new AssertionError("unexpected " + e, e);
        }
        throw new AssertionError("no error");
    }

    @Test
    void byTheIdAloneItIsOneComparison() {
        RenderedSql sql = sql(Query.from(Post.class).orderBy(PageModel_Post_.id.asc()).seekAfter(last).limit(20));
        assertThat(sql.sql()).isEqualTo(COLUMNS + " WHERE posts.id > $1 ORDER BY posts.id LIMIT $2");
        assertThat(sql.binds()).extracting(Bind::value).containsExactly(41L, 20L);
    }

    @Test
    void mixedDirectionsOverSeveralColumnsStartWithARangeOnTheFirst() {
        RenderedSql sql = sql(Query.from(Post.class).where(PageModel_Post_.title.ne("x"))
                .orderBy(PageModel_Post_.published.desc(), PageModel_Post_.title.asc(), PageModel_Post_.id.asc())
                .seekAfter(last).limit(10));
        assertThat(sql.sql()).isEqualTo(COLUMNS + " WHERE posts.title <> $1 AND posts.published <= $2 AND (posts.published < $3"
                + " OR (posts.published = $4 AND posts.title > $5) OR (posts.published = $6 AND posts.title = $7 AND posts.id > $8))"
                + " ORDER BY posts.published DESC, posts.title, posts.id LIMIT $9");
        LocalDate day = LocalDate.of(2024, 3, 1);
        assertThat(sql.binds()).extracting(Bind::value).containsExactly("x", day, day, day, "Emma", day, "Emma", 41L, 10L);
    }

    @Test
    void theOrderValuesCanBeGivenInsteadOfTheRow() {
        RenderedSql byValues = sql(Query.from(Post.class).orderBy(PageModel_Post_.published.desc(), PageModel_Post_.id.desc())
                .seekAfterValues(LocalDate.of(2024, 3, 1), 41L));
        assertThat(byValues.sql()).isEqualTo(COLUMNS + " WHERE posts.published <= $1 AND (posts.published < $2"
                + " OR (posts.published = $3 AND posts.id < $4)) ORDER BY posts.published DESC, posts.id DESC");
        assertThat(message(() -> sql(Query.from(Post.class).orderBy(PageModel_Post_.id.asc()).seekAfterValues("41"))))
                .contains("Post.id is Long but the query compares it with String 41");
        assertThat(message(() -> sql(Query.from(Post.class).orderBy(PageModel_Post_.published.asc(), PageModel_Post_.id.asc())
                .seekAfterValues(41L)))).contains("was given 1 value(s) for 2 order term(s)");
        assertThat(message(() -> Query.from(Post.class).seekAfterValues(1L, null))).contains("null as order value 1 of 2");
    }

    @Test
    void aUniqueNonNullColumnMakesTheOrderTotalToo() {
        assertThat(sql(Query.from(Post.class).orderBy(PageModel_Post_.slug.asc()).seekAfter(last)).sql())
                .isEqualTo(COLUMNS + " WHERE posts.slug > $1 ORDER BY posts.slug");
    }

    @Test
    void anOrderThatDoesNotMakeRowsUniqueIsRefused() {
        assertThat(message(() -> sql(Query.from(Post.class).orderBy(PageModel_Post_.published.desc()).seekAfter(last))))
                .contains("orders by [Post.published], which does not make rows unique")
                .contains("Fix: add Post's id as the last order term").contains("Post_.id.asc()");
        assertThat(message(() -> sql(Query.from(Post.class).seekAfter(last)))).contains("needs an order to seek in");
    }

    @Test
    void aNullableOrderColumnIsRefusedUnlessTheFilterExcludesNulls() {
        assertThat(message(() -> sql(Query.from(Post.class).orderBy(PageModel_Post_.score.desc(), PageModel_Post_.id.asc())
                .seekAfterValues(5, 41L))))
                .contains("orders by Post.score, which is nullable").contains("where(Post.score.isNotNull())");
        assertThat(sql(Query.from(Post.class).where(PageModel_Post_.score.isNotNull().and(PageModel_Post_.title.ne("x")))
                .orderBy(PageModel_Post_.score.desc(), PageModel_Post_.id.asc()).seekAfterValues(5, 41L)).sql())
                .isEqualTo(COLUMNS + " WHERE posts.score IS NOT NULL AND posts.title <> $1 AND posts.score <= $2"
                        + " AND (posts.score < $3 OR (posts.score = $4 AND posts.id > $5)) ORDER BY posts.score DESC, posts.id");
    }

    @Test
    void aRowMustBeOfTheEntityAndHoldEveryOrderValue() {
        Query<Post> byBlogName = Query.from(Post.class).join(PageModel_Post_.blog)
                .orderBy(PageModel_Blog_.name.asc(), PageModel_Post_.id.asc());
        assertThat(message(() -> sql(byBlogName.seekAfter(last))))
                .contains("orders by Blog.name, which the Post row does not hold").contains("seekAfterValues");
        assertThat(sql(byBlogName.seekAfterValues("Ideas", 41L)).sql()).isEqualTo(COLUMNS.replace("FROM posts",
                "FROM posts JOIN blogs ON blogs.id = posts.blog_id") + " WHERE blogs.name >= $1 AND (blogs.name > $2"
                + " OR (blogs.name = $3 AND posts.id > $4)) ORDER BY blogs.name, posts.id");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Query<Post> wrongRow = (Query) Query.from(Post.class).orderBy(PageModel_Post_.id.asc());
        assertThat(message(() -> sql(((Query) wrongRow).seekAfter(new Blog())))).contains("was given a Blog");
        Post unsaved = new Post(null, "New", LocalDate.of(2024, 1, 1), "new");
        assertThat(message(() -> sql(Query.from(Post.class).orderBy(PageModel_Post_.id.asc()).seekAfter(unsaved))))
                .contains("the row's Post.id is null");
    }

    @Test
    void countAndDeleteRefuseASeek() {
        assertThat(message(() -> pg.count(Query.from(Post.class).orderBy(PageModel_Post_.id.asc()).seekAfter(last))))
                .contains("count() of Post ignores paging");
        assertThat(message(() -> pg.bulkDelete(Query.from(Post.class).where(PageModel_Post_.id.gt(1L))
                .seekAfterValues(1L), false))).contains("takes a filter only");
    }
}
