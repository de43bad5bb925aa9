package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.query.Aggregate;
import dev.braid.query.CommonTable;
import dev.braid.query.Functions;
import dev.braid.query.Loads;
import dev.braid.query.Predicate;
import dev.braid.query.ProjectionQuery;
import dev.braid.query.Projections;
import dev.braid.query.Query;
import dev.braid.query.Tuple2;
import dev.braid.reactive.conduit.Article;
import dev.braid.reactive.conduit.Article_;
import dev.braid.reactive.conduit.Comment_;
import dev.braid.reactive.conduit.Folder;
import dev.braid.reactive.conduit.Folder_;
import dev.braid.reactive.conduit.Status;
import dev.braid.reactive.conduit.Tag_;
import dev.braid.reactive.conduit.User;
import dev.braid.reactive.conduit.User_;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;

import static dev.braid.query.Functions.exists;
import static dev.braid.query.Functions.max;
import static dev.braid.query.Functions.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Subqueries, set operations and common tables (issue 17 item 2): IN, correlated EXISTS and scalar
 * subqueries in entity queries and projections, union/union all/intersect/except, WITH, a whole tree in
 * one recursive statement, selectin {@code recursionDepth}; and item 8, {@code Predicate::and}/{@code ::or}
 * as method references.
 */
abstract class SubqueryContract extends ConduitContractBase {

    private static final String ARTICLE_COLUMNS = "articles.id, articles.title, articles.read_minutes, articles.status,"
            + " articles.author_id";

    private static List<String> titles(List<Article> articles) {
        return articles.stream().map(a -> a.title).toList();
    }

    @Test
    void anInSubqueryFiltersAnEntityQuery() {
        StepVerifier.create(mapper.withSession(s -> s.select(Article.class)
                        .where(Article_.id.in(Projections.of(Comment_.articleId).where(Comment_.body.startsWith("great"))))
                        .orderBy(Article_.id.asc()).all()).collectList().map(SubqueryContract::titles))
                .expectNext(List.of("Reactive Streams", "Cooking Pasta"))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactlyElementsOf(escaped(List.of("SELECT " + ARTICLE_COLUMNS + " FROM articles WHERE articles.id"
                + " IN (SELECT comments.article_id FROM comments WHERE comments.body LIKE $1 ESCAPE '\\') ORDER BY articles.id")));
    }

    @Test
    void aCorrelatedExistsComparesColumnsNoRelationshipLeadsTo() {
        // Articles their own author commented on: no relationship path says "the comment's author is the article's".
        Predicate ownComment = exists(Projections.of(Comment_.id)
                .where(Comment_.articleId.eqTo(Article_.id).and(Comment_.authorId.eqTo(Article_.authorId))));
        StepVerifier.create(mapper.withSession(s -> s.select(Article.class).where(ownComment).all()).collectList()
                        .map(SubqueryContract::titles))
                .expectNext(List.of("Reactive Streams"))
                .verifyComplete();
        StepVerifier.create(mapper.withSession(s -> s.select(Article_.title).where(Predicate.not(ownComment))
                        .orderBy(Article_.title.asc()).all()).collectList())
                .expectNext(List.of("Cooking Pasta", "Draft Notes", "R2DBC in Practice"))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                "SELECT " + ARTICLE_COLUMNS + " FROM articles WHERE EXISTS (SELECT comments.id FROM comments"
                        + " WHERE comments.article_id = articles.id AND comments.author_id = articles.author_id)",
                "SELECT articles.title FROM articles WHERE NOT (EXISTS (SELECT comments.id FROM comments"
                        + " WHERE comments.article_id = articles.id AND comments.author_id = articles.author_id))"
                        + " ORDER BY articles.title");
    }

    @Test
    void scalarSubqueriesAreSelectedOrderedByAndCompared() {
        var articlesOf = scalar(Projections.of(Functions.count()).from(Article.class).where(Article_.authorId.eqTo(User_.id)));
        StepVerifier.create(mapper.withSession(s -> s.select(User_.username, articlesOf).orderBy(User_.username.asc())
                        .all()).collectList())
                .expectNext(List.of(new Tuple2<>("alice", 2L), new Tuple2<>("bob", 1L), new Tuple2<>("carol", 1L),
                        new Tuple2<>("dave", 0L)))
                .verifyComplete();
        StepVerifier.create(mapper.withSession(s -> s.select(User.class).orderBy(articlesOf.desc(), User_.username.desc())
                        .all()).map(u -> u.username).collectList())
                .expectNext(List.of("alice", "carol", "bob", "dave"))
                .verifyComplete();
        // The longest read: compared with an uncorrelated scalar subquery over the same entity.
        StepVerifier.create(mapper.withSession(s -> s.select(Article_.title)
                        .where(Article_.readMinutes.eqTo(scalar(Projections.of(max(Article_.readMinutes)).from(Article.class))))
                        .all()).collectList())
                .expectNext(List.of("R2DBC in Practice"))
                .verifyComplete();
        String count = "(SELECT COUNT(*) FROM articles WHERE articles.author_id = users.id)";
        assertThat(recorder().statements()).containsExactly(
                "SELECT users.username, " + count + " FROM users ORDER BY users.username",
                "SELECT users.id, users.username FROM users ORDER BY " + count + " DESC, users.username DESC",
                "SELECT articles.title FROM articles WHERE articles.read_minutes"
                        + " = (SELECT MAX(articles_2.read_minutes) FROM articles articles_2)");
    }

    @Test
    void unionUnionAllIntersectAndExcept() {
        ProjectionQuery<String> tags = Projections.of(Tag_.name);
        StepVerifier.create(mapper.withSession(s -> s.select(User_.username).where(User_.username.startsWith("a"))
                        .union(tags).union(Projections.of(Tag_.name).where(Tag_.name.eq("java")))
                        .orderBy(User_.username.asc()).limit(3).all()).collectList())
                .expectNext(List.of("alice", "food", "java"))
                .verifyComplete();
        StepVerifier.create(mapper.withSession(s -> s.select(Article_.authorId).unionAll(Projections.of(Comment_.authorId))
                        .all()).collectList())
                .assertNext(ids -> assertThat(ids).hasSize(7).containsOnly(alice.id, bob.id, carol.id))
                .verifyComplete();
        StepVerifier.create(mapper.withSession(s -> s.select(Comment_.authorId)
                        .intersect(Projections.of(Article_.authorId).where(Article_.status.eq(Status.DRAFT))).all()).collectList())
                .expectNext(List.of(carol.id))
                .verifyComplete();
        StepVerifier.create(mapper.withSession(s -> s.select(User_.id).except(Projections.of(Article_.authorId)).all()).collectList())
                .expectNext(List.of(dave.id))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactlyElementsOf(escaped(List.of(
                "SELECT users.username FROM users WHERE users.username LIKE $1 ESCAPE '\\' UNION SELECT tags.name"
                        + " FROM tags UNION SELECT tags.name FROM tags WHERE tags.name = $2 ORDER BY 1 LIMIT $3",
                "SELECT articles.author_id FROM articles UNION ALL SELECT comments.author_id FROM comments",
                "SELECT comments.author_id FROM comments INTERSECT SELECT articles.author_id FROM articles"
                        + " WHERE articles.status = $1",
                "SELECT users.id FROM users EXCEPT SELECT articles.author_id FROM articles")));
    }

    @Test
    void commonTablesOfRowsAndOfEntities() {
        Aggregate<Long> comments = Functions.count();
        CommonTable<Tuple2<Long, Long>> counts = CommonTable.of("comment_counts",
                Projections.of(Comment_.articleId, comments.as("comments")).groupBy(Comment_.articleId));
        StepVerifier.create(mapper.withSession(s -> s.select(Article_.title, counts.get(comments.as("comments")))
                        .leftJoin(counts, counts.get(Comment_.articleId).eqTo(Article_.id))
                        .orderBy(Article_.title.asc()).all()).collectList())
                .expectNext(List.of(new Tuple2<>("Cooking Pasta", 1L), new Tuple2<String, Long>("Draft Notes", null),
                        new Tuple2<String, Long>("R2DBC in Practice", null), new Tuple2<>("Reactive Streams", 2L)))
                .verifyComplete();
        CommonTable<Article> published = CommonTable.of("published", Query.from(Article.class)
                .where(Article_.status.eq(Status.PUBLISHED)));
        StepVerifier.create(mapper.withSession(s -> s.select(published).where(Article_.readMinutes.lt(10))
                        .orderBy(Article_.title.asc()).all().collectList()
                        .flatMap(found -> s.get(Article.class, pasta.id).map(held -> List.of(titles(found), held == found.get(0))))))
                .expectNext(List.of(List.of("Cooking Pasta", "Reactive Streams"), true))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                "WITH comment_counts (article_id, comments) AS (SELECT comments.article_id, COUNT(*) AS comments"
                        + " FROM comments GROUP BY comments.article_id) SELECT articles.title, comment_counts.comments"
                        + " FROM articles LEFT OUTER JOIN comment_counts ON comment_counts.article_id = articles.id"
                        + " ORDER BY articles.title",
                "WITH published (id, title, read_minutes, status, author_id) AS (SELECT " + ARTICLE_COLUMNS
                        + " FROM articles WHERE articles.status = $1) SELECT published.id, published.title,"
                        + " published.read_minutes, published.status, published.author_id FROM published"
                        + " WHERE published.read_minutes < $2 ORDER BY published.title");
    }

    private static String tree(String name, String step, String bound) {
        return "WITH RECURSIVE " + name + " (id, name, parent_id, braid_depth) AS (SELECT folders.id, folders.name,"
                + " folders.parent_id, 0 FROM folders WHERE folders.id = $1 UNION ALL SELECT folders.id, folders.name,"
                + " folders.parent_id, " + name + ".braid_depth + 1 FROM " + name + " JOIN folders ON " + step
                + bound + ")";
    }

    @Test
    void aWholeTreeLoadsInOneStatementIntoTrackedFoldersWithTheirChildren() {
        CommonTable<Folder> tree = CommonTable.recursive("tree", Query.from(Folder.class).where(Folder_.id.eq(root.id)),
                Folder_.children);
        StepVerifier.create(mapper.withSession(s -> s.select(tree).orderBy(tree.depth().asc(), Folder_.name.asc()).all()
                        .collectList()
                        .flatMap(folders -> s.get(Folder.class, a.id).map(held -> {
                            Folder top = folders.get(0);
                            Folder first = top.children.get(0);
                            List<Object> seen = new ArrayList<>();
                            seen.add(folders.stream().map(f -> f.name).toList());
                            seen.add(top.children.stream().map(f -> f.name).toList());
                            seen.add(first.children.get(0).children.get(0).name);
                            seen.add(first.children.get(0).children.get(0).children.size());
                            seen.add(first.parent.get() == top);
                            seen.add(held == first);
                            return seen;
                        }))))
                .expectNext(List.of(List.of("root", "a", "b", "a1", "a11"), List.of("a", "b"), "a11", 0, true, true))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(tree("tree", "folders.parent_id = tree.id", "")
                + " SELECT tree.id, tree.name, tree.parent_id, tree.braid_depth FROM tree ORDER BY tree.braid_depth, tree.name");
        assertThat(count("folders")).isEqualTo(6);
    }

    @Test
    void aBoundedTreeLeavesItsLastLevelUnloadedAndAncestorsFollowTheParent() {
        CommonTable<Folder> top = CommonTable.recursive("tree", Query.from(Folder.class).where(Folder_.id.eq(root.id)),
                Folder_.children).maxDepth(1);
        CommonTable<Folder> path = CommonTable.recursive("tree", Query.from(Folder.class).where(Folder_.id.eq(a11.id)),
                Folder_.parent);
        StepVerifier.create(mapper.withSession(s -> s.select(top).orderBy(top.depth().asc(), Folder_.name.asc()).all()
                        .collectList()
                        .flatMap(folders -> s.select(Projections.entity(Folder.class), path.depth()).from(path).all().collectList().map(ancestors -> {
                            List<Object> seen = new ArrayList<>();
                            seen.add(folders.stream().map(f -> f.name).toList());
                            seen.add(folders.get(0).children.size());
                            try {
                                folders.get(1).children.size();
                                seen.add("loaded");
                            } catch (MapperException e) {
                                seen.add(e.code());
                            }
                            seen.add(ancestors.stream().map(t -> t.first().name + "@" + t.second()).toList());
                            seen.add(ancestors.get(0).first().parent.get().name);
                            seen.add(ancestors.get(3).first().parent.get() == null);
                            return seen;
                        }))))
                .expectNext(List.of(List.of("root", "a", "b"), 2, ErrorCode.BRAID_NOT_LOADED,
                        List.of("a11@0", "a1@1", "a@2", "root@3"), "a1", true))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                tree("tree", "folders.parent_id = tree.id", " WHERE tree.braid_depth < $2")
                        + " SELECT tree.id, tree.name, tree.parent_id, tree.braid_depth FROM tree ORDER BY tree.braid_depth, tree.name",
                tree("tree", "folders.id = tree.parent_id", "")
                        + " SELECT tree.id, tree.name, tree.parent_id, tree.braid_depth FROM tree");
    }

    @Test
    void selectinRecursionDepthLoadsLevelsWithoutRepeatingThePath() {
        StepVerifier.create(mapper.withSession(s -> s.select(Folder.class).where(Folder_.parentId.isNull())
                        .orderBy(Folder_.id.asc()).options(Loads.selectin(Folder_.children).recursionDepth(2)).all()
                        .collectList().map(roots -> {
                            List<Object> seen = new ArrayList<>();
                            seen.add(roots.stream().map(f -> f.name).toList());
                            seen.add(roots.get(0).children.get(0).children.get(0).name);
                            seen.add(roots.get(1).children.size());
                            try {
                                roots.get(0).children.get(0).children.get(0).children.size();
                                seen.add("loaded");
                            } catch (MapperException e) {
                                seen.add(e.code());
                            }
                            return seen;
                        })))
                .expectNext(List.of(List.of("root", "archive"), "a1", 0, ErrorCode.BRAID_NOT_LOADED))
                .verifyComplete();
        List<String> statements = recorder().statements();
        assertThat(statements).hasSize(3);
        assertThat(statements.get(0)).isEqualTo("SELECT folders.id, folders.name, folders.parent_id FROM folders"
                + " WHERE folders.parent_id IS NULL ORDER BY folders.id");
        assertThat(statements.get(2)).isEqualTo(statements.get(1)).contains("folders.parent_id");
        recorder().clear();
        // Deeper than the tree: stops after the first level that finds nothing.
        StepVerifier.create(mapper.withSession(s -> s.select(Folder.class).where(Folder_.id.eq(root.id))
                        .options(Loads.selectin(Folder_.children).recursionDepth(10)).all()).count())
                .expectNext(1L)
                .verifyComplete();
        assertThat(recorder().statements()).hasSize(5);
        assertThatThrownBy(() -> Loads.selectin(Article_.comments).recursionDepth(2))
                .isInstanceOf(MapperException.class)
                .hasMessageContaining("recursionDepth(2) on Article.comments, which leads from Article to Comment");
    }

    @Test
    void predicateAndAndOrAreBinaryOperators() {
        BinaryOperator<Predicate> and = Predicate::and;
        List<Predicate> filters = List.of(Article_.readMinutes.gt(4), Article_.status.eq(Status.PUBLISHED),
                Article_.title.contains("a"));
        Predicate all = filters.stream().reduce(Predicate.and(), and);
        Predicate any = Stream.of(Article_.title.startsWith("Draft"), Article_.readMinutes.ge(12))
                .reduce(Predicate.or(), Predicate::or);
        StepVerifier.create(mapper.withSession(s -> s.select(Article_.title).where(all).orderBy(Article_.title.asc()).all()
                        .collectList().<Object>map(found -> found)
                        .concatWith(s.select(Article_.title).where(any).orderBy(Article_.title.asc()).all().collectList())
                        .concatWith(s.select(Functions.count()).from(Article.class)
                                .where(Stream.<Predicate>empty().reduce(Predicate.and(), Predicate::and)).one())
                        .concatWith(s.select(Functions.count()).from(Article.class)
                                .where(Stream.<Predicate>empty().reduce(Predicate.or(), Predicate::or)).one()))
                        .collectList())
                .expectNext(List.of(List.of("Cooking Pasta", "R2DBC in Practice", "Reactive Streams"),
                        List.of("Draft Notes", "R2DBC in Practice"), 4L, 0L))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactlyElementsOf(escaped(List.of(
                "SELECT articles.title FROM articles WHERE articles.read_minutes > $1 AND articles.status = $2"
                        + " AND articles.title LIKE $3 ESCAPE '\\' ORDER BY articles.title",
                "SELECT articles.title FROM articles WHERE articles.title LIKE $1 ESCAPE '\\'"
                        + " OR articles.read_minutes >= $2 ORDER BY articles.title",
                "SELECT COUNT(*) FROM articles WHERE 1 = 1 LIMIT $1",
                "SELECT COUNT(*) FROM articles WHERE 1 = 0 LIMIT $1")));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void badSubqueriesAndCommonTablesAreRefusedBeforeAnythingIsSent() {
        ProjectionQuery names = Projections.of(User_.username);
        StepVerifier.create(mapper.withSession(s -> s.select(User_.id).union(names).all()))
                .expectErrorSatisfies(queryError("UNION of queries selecting different values",
                        "selects [Long]", "selects [String]", "Fix: select the same number of values"))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSession(s -> s.select(User_.username).union(names).orderBy(User_.id.asc()).all()))
                .expectErrorSatisfies(queryError("orderBy(User.id) on a UNION", "Fix: order by a value the first query selects"))
                .verify(TIMEOUT);
        CommonTable<Folder> clash = CommonTable.recursive("folders", Query.from(Folder.class), Folder_.children);
        StepVerifier.create(mapper.withSession(s -> s.select(clash).all()))
                .expectErrorSatisfies(queryError("The common table \"folders\" has the name of a mapped table"))
                .verify(TIMEOUT);
        assertThatThrownBy(() -> scalar(Projections.of(User_.username, User_.id)))
                .isInstanceOf(MapperException.class).hasMessageContaining("a scalar subquery selects exactly one value");
        StepVerifier.create(mapper.withSessionMono(s -> Mono.fromCallable(() -> s.select(User_.username)
                        .where(User_.id.in((ProjectionQuery) Projections.of(User_.username))).sql())))
                .expectErrorSatisfies(queryError("User.id is Long but the subquery selects String"))
                .verify(TIMEOUT);
        assertThat(recorder().statements()).isEmpty();
    }
}
