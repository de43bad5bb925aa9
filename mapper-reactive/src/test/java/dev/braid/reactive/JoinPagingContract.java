package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.joins.Article;
import dev.braid.reactive.joins.Article_;
import dev.braid.reactive.joins.Category;
import dev.braid.reactive.joins.Basket;
import dev.braid.reactive.joins.Basket_;
import dev.braid.reactive.joins.Category_;
import dev.braid.reactive.joins.Fruit;
import dev.braid.reactive.joins.Fruit_;
import dev.braid.reactive.joins.Note;
import dev.braid.reactive.joins.Note_;
import dev.braid.reactive.joins.JoinsModel;
import dev.braid.reactive.joins.Tag;
import dev.braid.reactive.joins.Tag_;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 1: {@code join(...)} through a to-many relationship filters roots with an EXISTS
 * semi-join, so limit/offset page roots and {@code count()} counts them; a to-one join stays a JOIN.
 */
abstract class JoinPagingContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return JoinsModel.registry();
    }

    private static final String ARTICLES = "SELECT articles.id, articles.title, articles.category_id FROM articles";
    private static final String TAGGED = "EXISTS (SELECT 1 FROM article_tags JOIN tags ON tags.id = article_tags.tag_id"
            + " WHERE article_tags.article_id = articles.id";

    /** s1 (news; tags x, y), s2 (blog; tag x), s3 (news; no tags); tag z is on nothing. */
    private void seed() {
        mapper.inTransaction(s -> {
            Category news = new Category("news");
            Category blog = new Category("blog");
            Tag x = new Tag("x");
            Tag y = new Tag("y");
            Tag z = new Tag("z");
            Article s1 = new Article("s1");
            Article s2 = new Article("s2");
            Article s3 = new Article("s3");
            s1.category.set(news);
            s2.category.set(blog);
            s3.category.set(news);
            s1.tags.addAll(List.of(x, y));
            s2.tags.add(x);
            return s.addAll(List.of(s1, s2, s3, z));
        }).blockLast(TIMEOUT);
        assertThat(rows("SELECT a.title, t.name FROM article_tags l JOIN articles a ON a.id = l.article_id"
                + " JOIN tags t ON t.id = l.tag_id ORDER BY a.title, t.name"))
                .containsExactly(List.of("s1", "x"), List.of("s1", "y"), List.of("s2", "x"));
        recorder().clear();
    }

    private List<String> titles(Function<Session, Select<Article>> query) {
        return mapper.withSession(s -> query.apply(s).all()).map(a -> a.title).collectList().block(TIMEOUT);
    }

    @Test
    void joinToManyPagesRootsNotJoinedRows() {
        seed();
        Function<Session, Select<Article>> tagged = s -> s.select(Article.class).join(Article_.tags)
                .where(Tag_.name.in(List.of("x", "y"))).orderBy(Article_.id.asc());
        assertThat(titles(s -> tagged.apply(s).limit(2))).containsExactly("s1", "s2");
        assertThat(titles(s -> tagged.apply(s).limit(1))).containsExactly("s1");
        assertThat(titles(s -> tagged.apply(s).limit(1).offset(1))).containsExactly("s2");
        assertThat(titles(s -> tagged.apply(s).limit(1).offset(2))).isEmpty();
        assertThat(titles(tagged)).containsExactly("s1", "s2");
        // One statement per page, filtering roots with a semi-join (the IN list's rendering is the dialect's).
        assertThat(recorder().statements()).hasSize(5).allSatisfy(sql -> assertThat(sql)
                .startsWith(ARTICLES + " WHERE " + TAGGED + " AND tags.name ")
                .contains(") ORDER BY articles.id")
                .doesNotContain(" JOIN tags ON tags.id = article_tags.tag_id WHERE tags.name"));
        assertThat(recorder().statements().get(2)).matches(".*\\) ORDER BY articles\\.id LIMIT \\$\\d+ OFFSET \\$\\d+");
        assertThat(count("articles")).isEqualTo(3);
    }

    @Test
    void theSemiJoinIsTheExactStatementSent() {
        seed();
        assertThat(titles(s -> s.select(Article.class).join(Article_.tags)
                .where(Tag_.name.eq("x").or(Tag_.name.eq("y"))).orderBy(Article_.id.asc()).limit(1).offset(1)))
                .containsExactly("s2");
        assertThat(recorder().statements()).containsExactly(ARTICLES + " WHERE " + TAGGED
                + " AND (tags.name = $1 OR tags.name = $2)) ORDER BY articles.id LIMIT $3 OFFSET $4");
    }

    @Test
    void filtersOnTheRootStayInsideTheSemiJoinWithTheJoinedOnes() {
        seed();
        assertThat(titles(s -> s.select(Article.class).join(Article_.tags)
                .where(Tag_.name.eq("x").and(Article_.title.ne("s1"))))).containsExactly("s2");
        assertThat(recorder().statements()).containsExactly(ARTICLES + " WHERE " + TAGGED
                + " AND tags.name = $1 AND articles.title <> $2)");
    }

    @Test
    void countWithAToManyJoinCountsRoots() {
        seed();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Article.class).join(Article_.tags)
                .where(Tag_.name.eq("x").or(Tag_.name.eq("y"))).count())).expectNext(2L).verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Article.class).join(Article_.tags).count()))
                .expectNext(2L).verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Article.class).join(Article_.tags)
                .where(Tag_.name.in(List.of("x", "y"))).count())).expectNext(2L).verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Article.class).join(Article_.tags)
                .where(Tag_.name.eq("z")).count())).expectNext(0L).verifyComplete();
        assertThat(recorder().statements()).hasSize(4);
        assertThat(recorder().statements().subList(0, 2)).containsExactly(
                "SELECT COUNT(*) FROM articles WHERE " + TAGGED + " AND (tags.name = $1 OR tags.name = $2))",
                "SELECT COUNT(*) FROM articles WHERE " + TAGGED + ")");
    }

    @Test
    void aToOneJoinStaysAJoinAndMayOrderAndCount() {
        seed();
        assertThat(titles(s -> s.select(Article.class).join(Article_.category)
                .orderBy(Category_.name.asc(), Article_.id.asc()).limit(2))).containsExactly("s2", "s1");
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Article.class).join(Article_.category)
                .where(Category_.name.eq("news")).count())).expectNext(2L).verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                ARTICLES + " JOIN categories ON categories.id = articles.category_id"
                        + " ORDER BY categories.name, articles.id LIMIT $1",
                "SELECT COUNT(*) FROM articles JOIN categories ON categories.id = articles.category_id"
                        + " WHERE categories.name = $1");
    }

    @Test
    void aToOneJoinBesideAToManyOneFiltersBoth() {
        seed();
        assertThat(titles(s -> s.select(Article.class).join(Article_.category).join(Article_.tags)
                .where(Tag_.name.eq("x").and(Category_.name.eq("news"))).orderBy(Category_.name.desc())))
                .containsExactly("s1");
        assertThat(recorder().statements()).containsExactly(ARTICLES
                + " JOIN categories ON categories.id = articles.category_id WHERE " + TAGGED
                + " AND tags.name = $1 AND categories.name = $2) ORDER BY categories.name DESC");
    }

    @Test
    void orderingByAToManyJoinIsRefusedBeforeAnythingIsSent() {
        seed();
        StepVerifier.create(mapper.withSession(s -> s.select(Article.class).join(Article_.tags)
                        .orderBy(Tag_.name.asc()).all()))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(MapperException.class)
                            .hasMessageContaining("sorts by an attribute of the to-many join")
                            .hasMessageContaining("a Article has several of them")
                            .hasMessageContaining("Fix: order by attributes of Article or of a to-one join");
                    assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_QUERY);
                })
                .verify(TIMEOUT);
        assertThat(recorder().statements()).isEmpty();
    }

    @Test
    void aJoinedEagerCollectionIsJoinedOutsideThePageOfFilteredRoots() {
        seed();
        List<Article> page = mapper.withSession(s -> s.select(Article.class).join(Article_.tags)
                .where(Tag_.name.eq("x")).options(Loads.joined(Article_.tags)).orderBy(Article_.id.asc())
                .limit(2).all()).collectList().block(TIMEOUT);
        assertThat(page).extracting(a -> a.title).containsExactly("s1", "s2");
        // The eager load is every tag of each article, not only those the filter matched.
        assertThat(page.get(0).tags).extracting(t -> t.name).containsExactly("x", "y");
        assertThat(page.get(1).tags).extracting(t -> t.name).containsExactly("x");
        assertThat(titles(s -> s.select(Article.class).join(Article_.tags).where(Tag_.name.eq("x"))
                .options(Loads.joined(Article_.tags)).orderBy(Article_.id.asc()).limit(1).offset(1)))
                .containsExactly("s2");
        String columns = "SELECT articles.id, articles.title, articles.category_id, tags_2.id, tags_2.name";
        String eager = " LEFT OUTER JOIN article_tags article_tags_2 ON article_tags_2.article_id = articles.id"
                + " LEFT OUTER JOIN tags tags_2 ON tags_2.id = article_tags_2.tag_id ORDER BY articles.id, tags_2.id";
        assertThat(recorder().statements()).containsExactly(
                columns + " FROM (" + ARTICLES + " WHERE " + TAGGED + " AND tags.name = $1) ORDER BY articles.id"
                        + " LIMIT $2) articles" + eager,
                columns + " FROM (" + ARTICLES + " WHERE " + TAGGED + " AND tags.name = $1) ORDER BY articles.id"
                        + " LIMIT $2 OFFSET $3) articles" + eager);
    }

    @Test
    void anOrderOverAToOneJoinSurvivesThePageOfAJoinedCollection() {
        seed();
        List<Article> page = mapper.withSession(s -> s.select(Article.class).join(Article_.category)
                .orderBy(Category_.name.desc(), Article_.id.desc()).options(Loads.joined(Article_.tags))
                .limit(2).all()).collectList().block(TIMEOUT);
        assertThat(page).extracting(a -> a.title).containsExactly("s3", "s1");
        assertThat(page.get(0).tags).isEmpty();
        assertThat(page.get(1).tags).extracting(t -> t.name).containsExactly("x", "y");
        assertThat(recorder().statements()).containsExactly("SELECT articles.id, articles.title,"
                + " articles.category_id, tags.id, tags.name FROM (" + ARTICLES
                + " JOIN categories ON categories.id = articles.category_id ORDER BY categories.name DESC, articles.id DESC"
                + " LIMIT $1) articles JOIN categories ON categories.id = articles.category_id"
                + " LEFT OUTER JOIN article_tags ON article_tags.article_id = articles.id"
                + " LEFT OUTER JOIN tags ON tags.id = article_tags.tag_id"
                + " ORDER BY categories.name DESC, articles.id DESC, tags.id");
    }

    @Test
    void twoToManyJoinsShareOneSemiJoinAndAJoinedDefaultStillLoadsEveryChild() {
        Basket full = new Basket("full");
        full.fruits.addAll(List.of(new Fruit("apple"), new Fruit("pear")));
        full.notes.addAll(List.of(new Note("ripe"), new Note("old")));
        Basket other = new Basket("other");
        other.fruits.add(new Fruit("apple"));
        other.notes.add(new Note("old"));
        mapper.inTransaction(s -> s.addAll(List.of(full, other))).blockLast(TIMEOUT);
        assertThat(count("fruits")).isEqualTo(3);
        recorder().clear();
        List<Basket> found = mapper.withSession(s -> s.select(Basket.class).join(Basket_.fruits).join(Basket_.notes)
                .where(Fruit_.name.eq("apple").and(Note_.body.eq("ripe"))).all()).collectList().block(TIMEOUT);
        assertThat(found).extracting(b -> b.label).containsExactly("full");
        assertThat(found.get(0).fruits).extracting(f -> f.name).containsExactly("apple", "pear");
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Basket.class).join(Basket_.fruits)
                .join(Basket_.notes).where(Fruit_.name.eq("apple").and(Note_.body.eq("old"))).count()))
                .expectNext(2L).verifyComplete();
        String semiJoin = " WHERE EXISTS (SELECT 1 FROM fruits JOIN notes ON notes.basket_id = baskets.id"
                + " WHERE fruits.basket_id = baskets.id AND fruits.name = $1 AND notes.body = $2)";
        List<String> sent = recorder().statements();
        assertThat(sent).hasSize(3); // the baskets with their JOINED fruits, the SELECTIN notes, the count
        assertThat(sent.get(0)).isEqualTo("SELECT baskets.id, baskets.label, fruits_2.id, fruits_2.name,"
                + " fruits_2.basket_id FROM baskets LEFT OUTER JOIN fruits fruits_2 ON fruits_2.basket_id = baskets.id"
                + semiJoin + " ORDER BY baskets.id, fruits_2.id");
        assertThat(sent.get(2)).isEqualTo("SELECT COUNT(*) FROM baskets" + semiJoin);
    }

    @Test
    void oneReadOnlyAndStreamedQueriesWithAToManyJoinSeeEachRootOnce() {
        seed();
        // Two articles match: one() must say so (its LIMIT 2 once saw s1's two joined rows and returned s1).
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Article.class).join(Article_.tags)
                        .where(Tag_.name.eq("x").or(Tag_.name.eq("y"))).orderBy(Article_.id.asc()).one()))
                .expectErrorSatisfies(e -> assertThat(((MapperException) e).code())
                        .isEqualTo(ErrorCode.BRAID_NON_UNIQUE_RESULT))
                .verify(TIMEOUT);
        assertThat(mapper.withSession(s -> s.select(Article.class).join(Article_.tags).where(Tag_.name.eq("y"))
                .readOnly().all()).map(a -> a.title).collectList().block(TIMEOUT)).containsExactly("s1");
        assertThat(mapper.withSession(s -> s.select(Article.class).join(Article_.tags)
                        .where(Tag_.name.eq("x").or(Tag_.name.eq("y"))).orderBy(Article_.id.asc()).stream(1))
                .map(a -> a.title).collectList().block(TIMEOUT)).containsExactly("s1", "s2");
        assertThat(recorder().statements()).filteredOn(sql -> sql.contains("SELECT articles.id"))
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(sql -> assertThat(sql).contains("FROM articles WHERE EXISTS (SELECT 1 FROM article_tags")
                        .doesNotContain("FROM articles JOIN"));
    }
}
