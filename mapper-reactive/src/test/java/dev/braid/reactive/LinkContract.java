package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.conduit.Article;
import dev.braid.reactive.conduit.Article_;
import dev.braid.reactive.conduit.ConduitModel;
import dev.braid.reactive.conduit.User;
import dev.braid.reactive.conduit.User_;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code session.link(owner, User_.favorites, article)} / {@code unlink}: one link row inserted unless present,
 * or deleted if present, without loading the collection; loaded collections on both ends follow and the next
 * flush writes nothing more; concurrent identical favorites all succeed.
 */
abstract class LinkContract extends MapperTestBase {
    long aliceId;
    long bobId;
    long articleId;

    @Override
    protected MappingRegistry registry() {
        return ConduitModel.registry();
    }

    @BeforeEach
    void seed() {
        User alice = new User("alice");
        User bob = new User("bob");
        Article article = new Article("Reactive Streams", 5, alice);
        mapper.inTransaction(s -> s.addAll(List.of(alice, bob, article))).blockLast(TIMEOUT);
        aliceId = alice.id;
        bobId = bob.id;
        articleId = article.id;
        recorder().clear();
    }

    String linkFavorite() {
        return postgres()
                ? "INSERT INTO favorites (user_id, article_id) SELECT * FROM unnest($1::bigint[], $2::bigint[])"
                + " ON CONFLICT (user_id, article_id) DO NOTHING"
                : mariadb() ? "INSERT IGNORE INTO favorites (user_id, article_id) VALUES ($1, $2)"
                : "MERGE INTO favorites USING (VALUES ($1, $2)) AS braid_v (user_id, article_id) ON favorites.user_id ="
                + " braid_v.user_id AND favorites.article_id = braid_v.article_id WHEN NOT MATCHED THEN INSERT"
                + " (user_id, article_id) VALUES (braid_v.user_id, braid_v.article_id)";
    }

    static final String UNLINK_FAVORITE = "DELETE FROM favorites WHERE user_id = $1 AND article_id = $2";

    /** Bob and the article, read in one session (nothing of their collections loaded). */
    Mono<List<Object>> bobAndArticle(Session s) {
        return s.get(User.class, bobId).flatMap(bob -> s.get(Article.class, articleId).map(a -> List.<Object>of(bob, a)));
    }

    @Test
    void linkInsertsTheRowOnceAndToleratesAnExistingOne() {
        StepVerifier.create(mapper.inTransactionMono(s -> bobAndArticle(s).flatMap(both -> {
                    User bob = (User) both.get(0);
                    Article article = (Article) both.get(1);
                    return s.link(bob, User_.favorites, article)
                            .flatMap(first -> s.link(bob, User_.favorites, article).map(second -> List.of(first, second)));
                })))
                .expectNext(List.of(true, false))
                .verifyComplete();
        List<String> statements = recorder().statements();
        assertThat(statements.subList(2, statements.size())).containsExactly(linkFavorite(), linkFavorite());
        assertThat(rows("SELECT user_id, article_id FROM favorites")).containsExactly(List.of(bobId, articleId));
    }

    @Test
    void loadedCollectionsOnBothEndsFollowAndTheFlushWritesNothingMore() {
        StepVerifier.create(mapper.inTransactionMono(s -> bobAndArticle(s).flatMap(both -> {
                    User bob = (User) both.get(0);
                    Article article = (Article) both.get(1);
                    return s.load(bob, User_.favorites).then(s.load(article, Article_.favoritedBy))
                            .then(s.link(bob, User_.favorites, article))
                            .map(linked -> List.of(linked, bob.favorites.contains(article), article.favoritedBy.contains(bob),
                                    bob.favorites.size(), article.favoritedBy.size()));
                })))
                .expectNext(List.of(true, true, true, 1, 1))
                .verifyComplete();
        List<String> statements = recorder().statements();
        assertThat(statements.get(statements.size() - 1)).isEqualTo(linkFavorite()); // no link row from the flush
        assertThat(count("favorites")).isEqualTo(1);

        recorder().clear();
        StepVerifier.create(mapper.inTransactionMono(s -> bobAndArticle(s).flatMap(both -> {
                    User bob = (User) both.get(0);
                    Article article = (Article) both.get(1);
                    return s.load(bob, User_.favorites).then(s.load(article, Article_.favoritedBy))
                            .then(s.unlink(bob, User_.favorites, article))
                            .map(unlinked -> List.of(unlinked, bob.favorites.size(), article.favoritedBy.size()));
                })))
                .expectNext(List.of(true, 0, 0))
                .verifyComplete();
        statements = recorder().statements();
        assertThat(statements.get(statements.size() - 1)).isEqualTo(UNLINK_FAVORITE);
        assertThat(count("favorites")).isZero();
    }

    @Test
    void unlinkDeletesTheRowIfPresentAndToleratesAMissingOne() {
        execute("INSERT INTO favorites (user_id, article_id) VALUES (" + bobId + ", " + articleId + ")");
        StepVerifier.create(mapper.inTransactionMono(s -> bobAndArticle(s).flatMap(both -> {
                    User bob = (User) both.get(0);
                    Article article = (Article) both.get(1);
                    return s.unlink(bob, User_.favorites, article)
                            .flatMap(first -> s.unlink(bob, User_.favorites, article).map(second -> List.of(first, second)));
                })))
                .expectNext(List.of(true, false))
                .verifyComplete();
        List<String> statements = recorder().statements();
        assertThat(statements.subList(2, statements.size())).containsExactly(UNLINK_FAVORITE, UNLINK_FAVORITE);
        assertThat(count("favorites")).isZero();
    }

    @Test
    void aNewOwnerIsFlushedFirst() {
        User carol = new User("carol");
        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Article.class, articleId)
                        .flatMap(article -> s.add(carol).then(s.link(carol, User_.favorites, article)))))
                .expectNext(true)
                .verifyComplete();
        List<String> statements = recorder().statements();
        // The article's SELECT, then link's autoflush inserts carol (the link row needs her key), then the link row.
        assertThat(statements).hasSize(3);
        assertThat(statements.get(0)).startsWith("SELECT articles.id");
        assertThat(statements.get(1)).startsWith(postgres() || mariadb() ? "INSERT INTO users (username) VALUES ($1) RETURNING id"
                : "SELECT id FROM FINAL TABLE (INSERT INTO users");
        assertThat(statements.get(2)).isEqualTo(linkFavorite());
        assertThat(rows("SELECT user_id FROM favorites")).containsExactly(List.of(carol.id));
    }

    @Test
    void otherRelationshipsAndObjectsTheSessionDoesNotHoldAreRefusedBeforeAnythingIsSent() {
        StepVerifier.create(mapper.inTransactionMono(s -> bobAndArticle(s).flatMap(both ->
                        s.link((Article) both.get(1), Article_.author, (User) both.get(0)))))
                .expectErrorSatisfies(UpsertContract.error(ErrorCode.BRAID_QUERY, "Article.author", "not a many-to-many"))
                .verify();
        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Article.class, articleId).flatMap(article ->
                        s.link(new User("dave"), User_.favorites, article))))
                .expectErrorSatisfies(UpsertContract.error(ErrorCode.BRAID_ENTITY_STATE, "not in this session"))
                .verify();
        assertThat(recorder().statements()).hasSize(3); // the reads only
        assertThat(count("favorites")).isZero();
    }

    @Test
    void sixteenConcurrentIdenticalFavoritesAllSucceedWithOneRow() {
        List<Boolean> inserted = Flux.range(0, 16)
                .flatMap(i -> mapper.inTransactionMono(s -> bobAndArticle(s).flatMap(both ->
                        s.link((User) both.get(0), User_.favorites, (Article) both.get(1)))))
                .collectList().block(TIMEOUT);
        assertThat(inserted).hasSize(16).containsOnlyOnce(true);
        assertThat(count("favorites")).isEqualTo(1);
    }
}
