package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.query.Attribute;
import dev.braid.query.Functions;
import dev.braid.query.ComparableAttribute;
import dev.braid.query.Projections;
import dev.braid.query.Tuple;
import dev.braid.query.Tuple2;
import dev.braid.query.Tuple3;
import dev.braid.query.Tuple4;
import dev.braid.reactive.conduit.Article;
import dev.braid.reactive.conduit.Article_;
import dev.braid.reactive.conduit.Comment_;
import dev.braid.reactive.conduit.Status;
import dev.braid.reactive.conduit.Tag_;
import dev.braid.reactive.conduit.User;
import dev.braid.reactive.conduit.User_;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.List;

import static dev.braid.query.Functions.avg;
import static dev.braid.query.Functions.countDistinct;
import static dev.braid.query.Functions.max;
import static dev.braid.query.Functions.min;
import static dev.braid.query.Functions.sum;
import static dev.braid.query.Projections.entity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projections and aggregates (issue 17 item 1): columns and expressions into tuples and records, counts
 * and sums per group across joins of mapped relationships, having, ordering by an aggregate, a whole
 * entity as the session's tracked object, and bad input refused before anything is sent.
 */
abstract class ProjectionContract extends ConduitContractBase {

    /** The records the tests map rows to. */
    record AuthorStats(String username, long articles, Integer minutes) {}

    record Reordered(Long articles, String username) {}

    record WrongType(String username, String articles) {}

    @Test
    void conduitFavoriteCountsAndWhetherTheCurrentUserFavoritedThemInOneStatement() {
        long me = bob.id;
        StepVerifier.create(mapper.withSession(s -> s.select(Article_.title, Functions.count(User_.id),
                                Article_.favoritedBy.any(User_.id.eq(me)))
                        .leftJoin(Article_.favoritedBy)
                        .groupBy(Article_.id, Article_.title)
                        .orderBy(Functions.count(User_.id).desc(), Article_.title.asc())
                        .all()).collectList())
                .expectNext(List.of(new Tuple3<>("Cooking Pasta", 3L, true), new Tuple3<>("Reactive Streams", 2L, true),
                        new Tuple3<>("R2DBC in Practice", 1L, false), new Tuple3<>("Draft Notes", 0L, false)))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly("SELECT articles.title, COUNT(users.id), EXISTS (SELECT 1"
                + " FROM favorites favorites_2 JOIN users users_2 ON users_2.id = favorites_2.user_id"
                + " WHERE favorites_2.article_id = articles.id AND users_2.id = $1) FROM articles"
                + " LEFT OUTER JOIN favorites ON favorites.article_id = articles.id"
                + " LEFT OUTER JOIN users ON users.id = favorites.user_id"
                + " GROUP BY articles.id, articles.title ORDER BY COUNT(users.id) DESC, articles.title");
    }

    @Test
    void countSumAvgMaxPerAuthorAcrossAOneToManyLeftJoin() {
        StepVerifier.create(mapper.withSession(s -> s.select(User_.username, Functions.count(Article_.id), sum(Article_.readMinutes),
                                avg(Article_.readMinutes))
                        .leftJoin(User_.articles)
                        .groupBy(User_.username)
                        .orderBy(User_.username.asc())
                        .all()).collectList())
                .expectNext(List.of(new Tuple4<>("alice", 2L, 17, 8.5), new Tuple4<>("bob", 1L, 7, 7.0),
                        new Tuple4<>("carol", 1L, 3, 3.0), new Tuple4<String, Long, Integer, Double>("dave", 0L, null, null)))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly("SELECT users.username, COUNT(articles.id),"
                + " SUM(articles.read_minutes), AVG(articles.read_minutes) FROM users"
                + " LEFT OUTER JOIN articles ON articles.author_id = users.id GROUP BY users.username ORDER BY users.username");
    }

    @Test
    void havingFiltersGroupsAcrossAManyToManyJoinAndOrdersByTheAggregate() {
        StepVerifier.create(mapper.withSession(s -> s.select(Tag_.name, Functions.count(), min(Article_.title), max(Article_.status))
                        .from(Article.class)
                        .join(Article_.tags)
                        .groupBy(Tag_.name)
                        .having(Functions.count().ge(1L).and(max(Article_.readMinutes).gt(4)))
                        .orderBy(Functions.count().desc(), Tag_.name.asc())
                        .all()).collectList())
                .expectNext(List.of(new Tuple4<>("java", 2L, "R2DBC in Practice", Status.PUBLISHED),
                        new Tuple4<>("food", 1L, "Cooking Pasta", Status.PUBLISHED),
                        new Tuple4<>("reactive", 1L, "Reactive Streams", Status.PUBLISHED)))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly("SELECT tags.name, COUNT(*), MIN(articles.title),"
                + " MAX(articles.status) FROM articles JOIN article_tags ON article_tags.article_id = articles.id"
                + " JOIN tags ON tags.id = article_tags.tag_id GROUP BY tags.name"
                + " HAVING COUNT(*) >= $1 AND MAX(articles.read_minutes) > $2 ORDER BY COUNT(*) DESC, tags.name");
    }

    @Test
    void countDistinctAndAManyToOneJoin() {
        StepVerifier.create(mapper.withSession(s -> s.select(countDistinct(Comment_.authorId), Functions.count())
                        .from(dev.braid.reactive.conduit.Comment.class)
                        .join(Comment_.article)
                        .where(Article_.status.eq(Status.PUBLISHED))
                        .one()))
                .expectNext(new Tuple2<>(3L, 3L))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly("SELECT COUNT(DISTINCT comments.author_id), COUNT(*)"
                + " FROM comments JOIN articles ON articles.id = comments.article_id WHERE articles.status = $1 LIMIT $2");
    }

    @Test
    void rowsMapToRecordsByComponentNameOrPosition() {
        StepVerifier.create(mapper.withSession(s -> s.select(User_.username, Functions.count(Article_.id).as("articles"),
                                Functions.coalesce(sum(Article_.readMinutes), 0).as("minutes"))
                        .leftJoin(User_.articles).groupBy(User_.username).orderBy(User_.username.asc())
                        .into(AuthorStats.class).all()).collectList())
                .expectNext(List.of(new AuthorStats("alice", 2, 17), new AuthorStats("bob", 1, 7),
                        new AuthorStats("carol", 1, 3), new AuthorStats("dave", 0, 0)))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly("SELECT users.username, COUNT(articles.id) AS articles,"
                + " COALESCE(SUM(articles.read_minutes), $1) AS minutes FROM users LEFT OUTER JOIN articles ON articles.author_id = users.id"
                + " GROUP BY users.username ORDER BY users.username");
        // Components named like the selections, in another order: matched by name.
        StepVerifier.create(mapper.withSession(s -> s.select(User_.username, Functions.count(Article_.id).as("articles"))
                        .join(User_.articles).groupBy(User_.username).orderBy(User_.username.asc())
                        .into(Reordered.class).first()))
                .expectNext(new Reordered(2L, "alice"))
                .verifyComplete();
    }

    @Test
    void aSelectedEntityIsTheSessionsTrackedObjectAndValuesAreNot() {
        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Article.class, reactive.id)
                        .flatMap(held -> s.select(entity(Article.class), Functions.count(Comment_.id))
                                .leftJoin(Article_.comments)
                                .groupBy(entity(Article.class))
                                .orderBy(Functions.count(Comment_.id).desc(), Article_.id.asc())
                                .all().collectList()
                                .map(rows -> {
                                    rows.get(1).first().title = "Cooking Pasta, revised"; // tracked: flushed at the end
                                    return List.of(rows.get(0).first() == held, rows.get(0).second(), rows.size(),
                                            s.contains(rows.get(3).first()));
                                }))))
                .expectNext(List.of(true, 2L, 4, true))
                .verifyComplete();
        List<String> statements = recorder().statements();
        assertThat(statements.get(1)).isEqualTo("SELECT articles.id, articles.title, articles.read_minutes,"
                + " articles.status, articles.author_id, COUNT(comments.id) FROM articles"
                + " LEFT OUTER JOIN comments ON comments.article_id = articles.id GROUP BY articles.id, articles.title,"
                + " articles.read_minutes, articles.status, articles.author_id ORDER BY COUNT(comments.id) DESC, articles.id");
        assertThat(statements.get(2)).startsWith("UPDATE articles SET title = ");
        assertThat(value("SELECT title FROM articles WHERE id = " + pasta.id)).isEqualTo("Cooking Pasta, revised");
    }

    @Test
    void aSelectedEntityGetsItsMappingsDefaultLoadsAfterTheRows() {
        StepVerifier.create(mapper.withSession(s -> s.select(entity(dev.braid.reactive.conduit.Tag.class),
                                Functions.count(Article_.id))
                        .join(Tag_.articles).groupBy(entity(dev.braid.reactive.conduit.Tag.class))
                        .orderBy(Tag_.name.asc()).all()
                        .map(row -> row.first().name + ":" + row.second() + ":" + row.first().articles.stream()
                                .map(article -> article.title).sorted().toList()))
                        .collectList())
                .expectNext(List.of("food:1:[Cooking Pasta]", "java:2:[R2DBC in Practice, Reactive Streams]",
                        "reactive:1:[Reactive Streams]"))
                .verifyComplete();
        List<String> statements = recorder().statements();
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).isEqualTo("SELECT tags.id, tags.name, COUNT(articles.id) FROM tags"
                + " JOIN article_tags ON article_tags.tag_id = tags.id JOIN articles ON articles.id = article_tags.article_id"
                + " GROUP BY tags.id, tags.name ORDER BY tags.name");
        assertThat(statements.get(1)).startsWith("SELECT article_tags.tag_id, articles.id, articles.title");
    }

    @Test
    void aNullForAPrimitiveRecordComponentNamesTheComponent() {
        StepVerifier.create(mapper.withSession(s -> s.select(User_.username, Functions.count(Article_.id).as("articles"),
                                sum(Article_.readMinutes).as("minutes"))
                        .leftJoin(User_.articles).groupBy(User_.username).orderBy(User_.username.asc())
                        .into(PrimitiveMinutes.class).all()))
                .expectNextCount(3)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MapperException.class)
                        .hasMessageContaining("component minutes is a primitive int but sum(Article.readMinutes) AS minutes is NULL in this row")
                        .hasMessageContaining("Fix: declare it as Integer"))
                .verify(TIMEOUT);
    }

    record PrimitiveMinutes(String username, long articles, int minutes) {}

    @Test
    void oneValuePerRowComesBackAsTheValueAndANullRowAsNothing() {
        StepVerifier.create(mapper.withSession(s -> s.select(Article_.title).where(Article_.authorId.eq(alice.id))
                        .orderBy(Article_.title.asc()).all()).collectList())
                .expectNext(List.of("R2DBC in Practice", "Reactive Streams"))
                .verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(max(Article_.readMinutes)).where(Article_.authorId.eq(dave.id)).one()))
                .verifyComplete(); // MAX over no rows is NULL: an empty Mono
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Functions.count()).from(Article.class).one()))
                .expectNext(4L)
                .verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Article_.title).where(Article_.readMinutes.gt(100)).one()))
                .expectErrorSatisfies(e -> assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_NO_RESULT))
                .verify(TIMEOUT);
        assertThat(recorder().statements()).containsExactly(
                "SELECT articles.title FROM articles WHERE articles.author_id = $1 ORDER BY articles.title",
                "SELECT MAX(articles.read_minutes) FROM articles WHERE articles.author_id = $1 LIMIT $2",
                "SELECT COUNT(*) FROM articles LIMIT $1",
                "SELECT articles.title FROM articles WHERE articles.read_minutes > $1 LIMIT $2");
    }

    @Test
    void manyValuesComeBackAsATupleReadByPositionOrSelection() {
        StepVerifier.create(mapper.withSessionMono(s -> s.select(User_.username, Article_.title, Article_.readMinutes,
                                Article_.status, Article_.id)
                        .join(User_.articles).where(Article_.id.eq(r2dbc.id)).one()))
                .assertNext(row -> {
                    assertThat(row.size()).isEqualTo(5);
                    assertThat(row.get(0)).isEqualTo("alice");
                    assertThat(row.get(Article_.title)).isEqualTo("R2DBC in Practice");
                    assertThat(row.get(2, Integer.class)).isEqualTo(12);
                    assertThat(row.get(Article_.status)).isEqualTo(Status.PUBLISHED);
                    assertThat(row).isInstanceOf(Tuple.class);
                })
                .verifyComplete();
    }

    @Test
    void distinctRowsAndPaging() {
        StepVerifier.create(mapper.withSession(s -> s.select(User_.username)
                        .join(User_.favorites).distinct().orderBy(User_.username.asc()).limit(2).offset(1).all()).collectList())
                .expectNext(List.of("bob", "carol"))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly("SELECT DISTINCT users.username FROM users"
                + " JOIN favorites ON favorites.user_id = users.id JOIN articles ON articles.id = favorites.article_id"
                + " ORDER BY users.username LIMIT $1 OFFSET $2");
    }

    @Test
    void sqlShowsTheStatementWithoutSendingIt() {
        String sql = mapper.withSessionMono(s -> Mono.just(s.select(User_.username, Functions.count(Article_.id))
                .leftJoin(User_.articles).groupBy(User_.username).having(Functions.count(Article_.id).gt(1L)).sql().sql()))
                .block(TIMEOUT);
        assertThat(sql).isEqualTo(sql("SELECT users.username, COUNT(articles.id) FROM users LEFT OUTER JOIN articles"
                + " ON articles.author_id = users.id GROUP BY users.username HAVING COUNT(articles.id) > $1"));
        assertThat(recorder().statements()).isEmpty();
    }

    @Test
    void badInputIsRefusedWithBraidQueryBeforeAnythingIsSent() {
        // A pending change: an autoflush would write it if a statement were about to be sent.
        ComparableAttribute<Article, Integer> mistyped = Attribute.comparable(Article.class, "title", Integer.class);
        StepVerifier.create(mapper.inTransaction(s -> s.get(User.class, dave.id).doOnNext(d -> d.username = "david")
                        .thenMany(s.select(User_.username, Functions.count()).from(User.class).having(Functions.count().gt(1L)).all())))
                .expectErrorSatisfies(queryError("having(count() > ?) without groupBy(...)", "Fix: add groupBy(...)"))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSession(s -> s.select(sum(mistyped)).all()))
                .expectErrorSatisfies(queryError("sum(Article.title): Article.title is mapped as String"))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSession(s -> s.select(User_.username, Functions.count(Article_.id))
                        .leftJoin(User_.articles).all()))
                .expectErrorSatisfies(queryError("selects User.username, which is neither grouped nor aggregated",
                        "Fix: add User.username to groupBy(...)"))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSession(s -> s.select(User_.username).leftJoin(User_.articles)
                        .where(Functions.count(Article_.id).gt(1L)).all()))
                .expectErrorSatisfies(queryError("count(Article.id) in where", "Fix: filter groups with having(...)"))
                .verify(TIMEOUT);
        StepVerifier.create(mapper.withSession(s -> s.select(User_.username, Functions.count(Article_.id))
                        .leftJoin(User_.articles).groupBy(User_.username).into(WrongType.class).all()))
                .expectErrorSatisfies(queryError("into(WrongType.class): component articles is String but the value"
                        + " selected for it, count(Article.id), is Long", "Fix: declare articles as Long"))
                .verify(TIMEOUT);
        assertThat(recorder().statements()).containsExactly(
                "SELECT users.id, users.username FROM users WHERE users.id = $1"); // only the get()
        assertThat(value("SELECT username FROM users WHERE id = " + dave.id)).isEqualTo("dave");
    }
}
