package dev.braid.core.internal.plan.load;

import dev.braid.core.fixtures.conduit.Article;
import dev.braid.core.fixtures.conduit.Article_;
import dev.braid.core.fixtures.conduit.Comment;
import dev.braid.core.fixtures.conduit.Comment_;
import dev.braid.core.fixtures.conduit.Conduit;
import dev.braid.core.fixtures.conduit.Folder;
import dev.braid.core.fixtures.conduit.Folder_;
import dev.braid.core.fixtures.conduit.Tag_;
import dev.braid.core.fixtures.conduit.User;
import dev.braid.core.fixtures.conduit.User_;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.dialect.Dialect;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Aggregate;
import dev.braid.query.Attribute;
import dev.braid.query.CommonTable;
import dev.braid.query.ProjectionQuery;
import dev.braid.query.Projections;
import dev.braid.query.Query;
import dev.braid.query.Tuple2;
import dev.braid.statement.RenderedSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static dev.braid.query.Functions.avg;
import static dev.braid.query.Functions.coalesce;
import static dev.braid.query.Functions.count;
import static dev.braid.query.Functions.exists;
import static dev.braid.query.Functions.max;
import static dev.braid.query.Functions.scalar;
import static dev.braid.query.Functions.sum;
import static dev.braid.query.Functions.value;
import static dev.braid.query.Projections.entity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Projections, subqueries, set operations and common tables planned and rendered without a database. */
class ProjectionPlanningTest {
    private final MappingRegistry registry = Conduit.registry();
    private final ProjectionPlanner pg = new ProjectionPlanner(registry, new SqlRenderer(Dialect.postgresql()), new LoadPlanner(registry));
    private final ProjectionPlanner h2 = new ProjectionPlanner(registry, new SqlRenderer(Dialect.h2()), new LoadPlanner(registry));

    private RenderedSql both(ProjectionQuery<?> query) {
        RenderedSql onPg = pg.plan(query).sql();
        RenderedSql onH2 = h2.plan(query).sql();
        assertThat(onH2.sql()).isEqualTo(onPg.sql());
        assertThat(onH2.binds()).isEqualTo(onPg.binds());
        return onPg;
    }

    private static List<Object> values(RenderedSql sql) {
        return sql.binds().stream().map(b -> b.value()).toList();
    }

    private MapperException refused(Executable planning) {
        MapperException e = catchThrowableOfType(() -> {
            try {
                planning.execute();
            } catch (Throwable t) {
                throw t instanceof RuntimeException r ? r : new RuntimeException(t);
            }
        }, MapperException.class);
        assertThat(e).as("a BRAID_QUERY error").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.BRAID_QUERY);
        return e;
    }

    @Test
    void favoriteCountsAndWhetherTheCurrentUserFavoritedInOneStatement() {
        RenderedSql sql = both(Projections.of(Article_.title, count(User_.id), Article_.favoritedBy.any(User_.id.eq(7L)))
                .leftJoin(Article_.favoritedBy).groupBy(Article_.id, Article_.title)
                .orderBy(count(User_.id).desc(), Article_.title.asc()));
        assertThat(sql.sql()).isEqualTo("SELECT articles.title, COUNT(users.id), EXISTS (SELECT 1 FROM favorites favorites_2"
                + " JOIN users users_2 ON users_2.id = favorites_2.user_id WHERE favorites_2.article_id = articles.id"
                + " AND users_2.id = $1) FROM articles LEFT OUTER JOIN favorites ON favorites.article_id = articles.id"
                + " LEFT OUTER JOIN users ON users.id = favorites.user_id GROUP BY articles.id, articles.title"
                + " ORDER BY COUNT(users.id) DESC, articles.title");
        assertThat(values(sql)).containsExactly(7L);
    }

    @Test
    void aggregatesHavingAndCoalesceBindTheirValuesAsTheExpressionsTypes() {
        RenderedSql sql = both(Projections.of(User_.username, coalesce(sum(Article_.readMinutes), 0), avg(Article_.readMinutes))
                .leftJoin(User_.articles).groupBy(User_.username)
                .having(count(Article_.id).gt(1L).and(max(Article_.readMinutes).le(30))));
        assertThat(sql.sql()).isEqualTo("SELECT users.username, COALESCE(SUM(articles.read_minutes), $1),"
                + " AVG(articles.read_minutes) FROM users LEFT OUTER JOIN articles ON articles.author_id = users.id"
                + " GROUP BY users.username HAVING COUNT(articles.id) > $2 AND MAX(articles.read_minutes) <= $3");
        assertThat(sql.binds().stream().map(b -> (Object) b.type()).toList()).containsExactly(Integer.class, Long.class, Integer.class);
        assertThat(values(sql)).containsExactly(0, 1L, 30);
    }

    @Test
    void aSelectedEntityIsAllItsColumnsAndGroupingByItGroupsByThemAll() {
        ProjectionPlan plan = pg.plan(Projections.of(entity(Article.class), count(Comment_.id))
                .leftJoin(Article_.comments).groupBy(entity(Article.class)));
        assertThat(plan.sql().sql()).isEqualTo("SELECT articles.id, articles.title, articles.read_minutes,"
                + " articles.author_id, COUNT(comments.id) FROM articles LEFT OUTER JOIN comments"
                + " ON comments.article_id = articles.id GROUP BY articles.id, articles.title, articles.read_minutes,"
                + " articles.author_id");
        assertThat(plan.outputs()).extracting(ProjectionPlan.Output::offset).containsExactly(0, 4);
        assertThat(plan.outputs().get(0).entity().type()).isEqualTo(Article.class);
        assertThat(plan.streamable()).isTrue(); // Article has no eager loads
    }

    @Test
    void subqueriesCorrelateWithTheOuterQueryAndGetTheirOwnAliases() {
        assertThat(both(Projections.of(Article_.title, scalar(Projections.of(count()).from(Comment.class)
                .where(Comment_.articleId.eqTo(Article_.id))))).sql())
                .isEqualTo("SELECT articles.title, (SELECT COUNT(*) FROM comments WHERE comments.article_id = articles.id)"
                        + " FROM articles");
        RenderedSql in = both(Projections.of(Article_.title).where(Article_.id.in(Projections.of(Comment_.articleId)
                .where(Comment_.body.eq("x"))).and(exists(Projections.of(Comment_.id).where(Comment_.articleId.eqTo(Article_.id))))));
        assertThat(in.sql()).isEqualTo("SELECT articles.title FROM articles WHERE articles.id IN (SELECT comments.article_id"
                + " FROM comments WHERE comments.body = $1) AND EXISTS (SELECT comments.id FROM comments"
                + " WHERE comments.article_id = articles.id)");
        assertThat(both(Projections.of(Article_.title).where(Article_.readMinutes.eqTo(
                scalar(Projections.of(max(Article_.readMinutes)).from(Article.class))))).sql())
                .endsWith("WHERE articles.read_minutes = (SELECT MAX(articles_2.read_minutes) FROM articles articles_2)");
    }

    @Test
    void anEntityQueryFiltersWithSubqueriesAndOrdersByAScalarSubquery() {
        QueryPlanner planner = new QueryPlanner(registry, Dialect.postgresql());
        var articles = scalar(Projections.of(count()).from(Article.class).where(Article_.authorId.eqTo(User_.id)));
        assertThat(planner.select(Query.from(User.class).where(User_.id.in(Projections.of(Article_.authorId)))
                .orderBy(articles.desc(), User_.id.asc())).sql().sql())
                .isEqualTo("SELECT users.id, users.username FROM users WHERE users.id IN (SELECT articles.author_id"
                        + " FROM articles) ORDER BY (SELECT COUNT(*) FROM articles WHERE articles.author_id = users.id)"
                        + " DESC, users.id");
        MapperException e = refused(() -> planner.select(Query.from(User.class).orderBy(count().desc())));
        assertThat(e).hasMessageContaining("count() in orderBy of an entity query").hasMessageContaining("Functions.scalar");
    }

    @Test
    void setOperationsKeepTheirOrderOfApplicationAndOrderByOutputColumns() {
        RenderedSql sql = both(Projections.of(User_.username).union(Projections.of(Tag_.name).limit(3))
                .intersect(Projections.of(Article_.title)).except(Projections.of(Comment_.body))
                .orderBy(User_.username.desc()).limit(10));
        assertThat(sql.sql()).isEqualTo("(SELECT users.username FROM users UNION (SELECT tags.name FROM tags LIMIT $1))"
                + " INTERSECT SELECT articles.title FROM articles EXCEPT SELECT comments.body FROM comments"
                + " ORDER BY 1 DESC LIMIT $2");
        assertThat(values(sql)).containsExactly(3L, 10L);
    }

    @Test
    void commonTablesAreListedOnceInTheOrderTheyDependOnEachOther() {
        Aggregate<Long> n = count();
        CommonTable<Tuple2<Long, Long>> counts = CommonTable.of("comment_counts",
                Projections.of(Comment_.articleId, n).groupBy(Comment_.articleId));
        CommonTable<Long> busy = CommonTable.of("busy", Projections.of(counts.get(Comment_.articleId))
                .where(counts.get(n).gt(1L)));
        RenderedSql sql = both(Projections.of(Article_.title, counts.get(n))
                .join(counts, counts.get(Comment_.articleId).eqTo(Article_.id))
                .where(Article_.id.in(Projections.of(busy.get(counts.get(Comment_.articleId))).from(busy))));
        assertThat(sql.sql()).isEqualTo("WITH comment_counts (article_id, c2) AS (SELECT comments.article_id, COUNT(*)"
                + " FROM comments GROUP BY comments.article_id), busy (article_id) AS (SELECT comment_counts.article_id"
                + " FROM comment_counts WHERE comment_counts.c2 > $1) SELECT articles.title, comment_counts.c2 FROM articles"
                + " JOIN comment_counts ON comment_counts.article_id = articles.id WHERE articles.id IN"
                + " (SELECT busy.article_id FROM busy)");
    }

    @Test
    void aRecursiveTableReadsATreeWithItsLevelAndABoundIsBound() {
        CommonTable<Folder> tree = CommonTable.recursive("tree", Query.from(Folder.class).where(Folder_.parentId.isNull()),
                Folder_.children).maxDepth(2);
        ProjectionPlan plan = pg.plan(Projections.of(entity(Folder.class)).from(tree).orderBy(tree.depth().asc()));
        assertThat(plan.sql().sql()).isEqualTo("WITH RECURSIVE tree (id, name, parent_id, braid_depth) AS (SELECT folders.id,"
                + " folders.name, folders.parent_id, 0 FROM folders WHERE folders.parent_id IS NULL UNION ALL SELECT"
                + " folders.id, folders.name, folders.parent_id, tree.braid_depth + 1 FROM tree JOIN folders"
                + " ON folders.parent_id = tree.id WHERE tree.braid_depth < $1) SELECT tree.id, tree.name, tree.parent_id,"
                + " tree.braid_depth FROM tree ORDER BY tree.braid_depth");
        assertThat(values(plan.sql())).containsExactly(2);
        assertThat(plan.tree().depthColumn()).isEqualTo(3);
        assertThat(plan.tree().lastLevel()).isEqualTo(2);
        assertThat(plan.tree().step().attribute()).isEqualTo("children");
        // A filter over the tree's rows would leave relationships incomplete: nothing is assembled then.
        assertThat(pg.plan(Projections.of(entity(Folder.class)).from(tree).where(Folder_.name.eq("a"))).tree()).isNull();
    }

    @Test
    void selectinRecursionDepthRepeatsTheRelationshipBelowItself() {
        List<LoadNode> nodes = new LoadPlanner(registry).plan(registry.entity(Folder.class),
                List.of(dev.braid.query.Loads.selectin(Folder_.children).recursionDepth(3)));
        int depth = 0;
        for (List<LoadNode> level = nodes; !level.isEmpty(); level = level.get(0).children()) {
            assertThat(level).hasSize(1);
            assertThat(level.get(0).relationship().attribute()).isEqualTo("children");
            depth++;
        }
        assertThat(depth).isEqualTo(3);
    }

    @Test
    void badInputIsRefusedWhenPlannedNamingTheProblemAndTheFix() {
        assertThat(refused(() -> pg.plan(Projections.of(User_.username, count()).having(count().gt(1L)))))
                .hasMessageContaining("having(count() > ?) without groupBy(...)").hasMessageContaining("Fix: add groupBy");
        assertThat(refused(() -> pg.plan(Projections.of(Article_.title, count()).groupBy(Article_.id))))
                .hasMessageContaining("selects Article.title, which is neither grouped nor aggregated");
        assertThat(refused(() -> pg.plan(Projections.of(Article_.title).where(count().gt(1L)))))
                .hasMessageContaining("count() in where").hasMessageContaining("having(...)");
        assertThat(refused(() -> pg.plan(Projections.of(count()).from(Article.class).groupBy(max(Article_.id)))))
                .hasMessageContaining("groupBy(max(Article.id))");
        assertThat(refused(() -> count(sum(Article_.readMinutes)))).hasMessageContaining("aggregates an aggregate");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Attribute<Article, Integer> lying = (Attribute) Attribute.comparable(Article.class, "title", Integer.class);
        assertThat(refused(() -> pg.plan(Projections.of(sum(lying)))))
                .hasMessageContaining("sum(Article.title): Article.title is mapped as String");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Attribute<Article, Integer> raw = (Attribute) Article_.title;
        assertThat(refused(() -> sum((Attribute) raw))).hasMessageContaining("sum(Article.title): Article.title is String");
        assertThat(refused(() -> pg.plan(Projections.of(count()))))
                .hasMessageContaining("names no entity to select from").hasMessageContaining(".from(Entity.class)");
        assertThat(refused(() -> pg.plan(Projections.of(Article_.title).where(Comment_.body.eq("x")))))
                .hasMessageContaining("Comment.body").hasMessageContaining("join");
        assertThat(refused(() -> pg.plan(Projections.of(Article_.title).union(Projections.of(Article_.title))
                .orderBy(Article_.id.asc())))).hasMessageContaining("orderBy(Article.id) on a UNION");
        assertThat(refused(() -> Projections.of(Article_.title).union(Projections.of(Tag_.name)).where(Article_.id.eq(1L))))
                .hasMessageContaining("where(...) on a UNION of queries");
        assertThat(refused(() -> pg.plan(Projections.of(Article_.title).into(WrongCount.class))))
                .hasMessageContaining("WrongCount has 2 components [title, extra] but the query selects 1 values");
        assertThat(refused(() -> Projections.of(Article_.title).into(String.class))).hasMessageContaining("is not a record");
        assertThat(refused(() -> scalar(Projections.of(Article_.title, Article_.id))))
                .hasMessageContaining("a scalar subquery selects exactly one value");
        CommonTable<Folder> named = CommonTable.recursive("folders", Query.from(Folder.class), Folder_.children);
        assertThat(refused(() -> pg.plan(Projections.of(count()).from(named)))).hasMessageContaining("name of a mapped table");
        assertThat(refused(() -> new QueryPlanner(registry, Dialect.h2()).select(Query.from(Article.class)
                .where(Article_.id.in(Projections.of(Comment_.articleId).from(CommonTable.of("c",
                        Query.from(Comment.class)))))))).hasMessageContaining("A common table inside the filter of an entity query");
    }

    record WrongCount(String title, String extra) {}

    @Test
    void valuesAreBoundNeverConcatenated() {
        String hostile = "x'; DROP TABLE articles; --";
        RenderedSql sql = both(Projections.of(Article_.title, value(hostile)).where(Article_.title.eq(hostile)
                .or(Article_.title.eqTo(value(hostile)))).groupBy(Article_.title).having(max(Article_.title).eq(hostile).negate()));
        assertThat(sql.sql()).doesNotContain("DROP").isEqualTo("SELECT articles.title, $1 FROM articles"
                + " WHERE articles.title = $2 OR articles.title = $3 GROUP BY articles.title HAVING NOT (MAX(articles.title) = $4)");
        assertThat(values(sql)).containsOnly(hostile);
    }

    /** H2 but for how it writes WITH, set operators and selected conditions: another database's way. */
    private static final class OtherQueryExpressions implements Dialect {
        private final Dialect h2 = Dialect.h2();

        @Override public String name() { return "Other"; }
        @Override public String bindMarker(int index) { return "?"; }
        @Override public String identifier(String name) { return h2.identifier(name); }
        @Override public String typeName(dev.braid.dialect.ColumnType type, int length, int precision, int scale) {
            return h2.typeName(type, length, precision, scale);
        }
        @Override public int maxIdentifierLength() { return 128; }
        @Override public int defaultInListChunkSize() { return 100; }
        @Override public int defaultFetchSize() { return 0; }
        @Override public dev.braid.dialect.Returning returning() { return h2.returning(); }
        @Override public dev.braid.dialect.DdlGuards ddlGuards() { return h2.ddlGuards(); }

        @Override
        public dev.braid.dialect.QueryExpressions queryExpressions() {
            return new dev.braid.dialect.QueryExpressions() {
                @Override
                public void with(boolean recursive, dev.braid.dialect.SqlWriter out) { out.append("WITH "); }

                @Override
                public void setOperator(SetOperator operator, dev.braid.dialect.SqlWriter out) {
                    if (operator == SetOperator.EXCEPT) out.append(" MINUS ");
                    else dev.braid.dialect.QueryExpressions.standard().setOperator(operator, out);
                }

                @Override
                public void closeCondition(dev.braid.dialect.SqlWriter out) { out.append(" THEN 1 ELSE 0 END"); }
            };
        }
    }

    @Test
    void whatDiffersBetweenDatabasesComesFromTheDialect() {
        ProjectionPlanner other = new ProjectionPlanner(registry, new SqlRenderer(new OtherQueryExpressions()),
                new LoadPlanner(registry));
        CommonTable<Folder> tree = CommonTable.recursive("tree", Query.from(Folder.class).where(Folder_.id.eq(1L)),
                Folder_.children);
        assertThat(other.plan(Projections.of(count()).from(tree)).sql().sql()).startsWith("WITH tree (id, name,")
                .contains("WHERE folders.id = ? UNION ALL SELECT");
        assertThat(other.plan(Projections.of(User_.id).except(Projections.of(Article_.authorId))).sql().sql())
                .isEqualTo("SELECT users.id FROM users MINUS SELECT articles.author_id FROM articles");
        assertThat(other.plan(Projections.of(Article_.title, Article_.readMinutes.gt(10))).sql().sql())
                .isEqualTo("SELECT articles.title, CASE WHEN articles.read_minutes > ? THEN 1 ELSE 0 END FROM articles");
        assertThat(pg.plan(Projections.of(Article_.title, Article_.readMinutes.gt(10))).sql().sql())
                .isEqualTo("SELECT articles.title, CASE WHEN articles.read_minutes > $1 THEN TRUE ELSE FALSE END FROM articles");
    }
}
