package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.plan.load.PageModel.Post;
import dev.braid.dialect.Dialect;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Assignment;
import dev.braid.query.Attribute;
import dev.braid.query.Predicate;
import dev.braid.query.Query;
import dev.braid.query.Updates;
import dev.braid.statement.Bind;
import dev.braid.statement.StatementOrigin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQL of bulk updates, the checks before anything is sent, and the held objects kept in step. */
class BulkUpdateTest {
    private final MappingRegistry registry = PageModel.registry();
    private final QueryPlanner pg = new QueryPlanner(registry, Dialect.postgresql());
    private final QueryPlanner h2 = new QueryPlanner(registry, Dialect.h2());
    private final Query<Post> oldPosts = Query.from(Post.class).where(PageModel_Post_.published.lt(LocalDate.of(2000, 1, 1)));

    private static String message(Executable call) {
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

    private BulkUpdate update(QueryPlanner planner, Query<Post> query, Assignment... assignments) {
        return BulkUpdate.of(registry, planner, query, List.of(assignments));
    }

    @Test
    void setsAndIncrementsAreBoundAndTheVersionIsIncrementedByTheDatabase() {
        BulkUpdate update = update(pg, oldPosts, Updates.set(PageModel_Post_.title, "Archived"),
                Updates.increment(PageModel_Post_.score, -1), Updates.set(PageModel_Post_.blogId, null));
        assertThat(update.plain().sql()).isEqualTo("UPDATE posts SET title = $1, score = score + $2, blog_id = $3,"
                + " version = version + 1 WHERE posts.published < $4");
        assertThat(update.plain().binds()).containsExactly(new Bind("Archived", String.class), new Bind(-1, Integer.class),
                new Bind(null, Long.class), new Bind(LocalDate.of(2000, 1, 1), LocalDate.class));
        assertThat(update.plain().origin()).isEqualTo(StatementOrigin.of(StatementOrigin.Kind.BULK_UPDATE, Post.class));
        assertThat(update.returningRows().sql()).isEqualTo(update.plain().sql() + " RETURNING id, title, score, blog_id, version");
        assertThat(update.returnedTypes()).containsExactly(Long.class, String.class, Integer.class, Long.class, Long.class);
    }

    @Test
    void h2ReturnsTheNewValuesFromTheFinalTable() {
        BulkUpdate update = update(h2, oldPosts, Updates.set(PageModel_Post_.title, "Archived"));
        assertThat(update.plain().sql()).isEqualTo("UPDATE posts SET title = $1, version = version + 1 WHERE posts.published < $2");
        assertThat(update.returningRows().sql()).isEqualTo("SELECT id, title, version FROM FINAL TABLE (" + update.plain().sql() + ")");
    }

    @Test
    void mariaDbLocksTheKeysUpdatesThemByKeyInChunksAndReadsTheWrittenColumnsBack() {
        QueryPlanner mariadb = new QueryPlanner(registry, Dialect.mariadb());
        BulkUpdate update = update(mariadb, oldPosts, Updates.increment(PageModel_Post_.score, 2));
        KeyLockedUpdate locked = update.locked();
        assertThat(locked).isNotNull();
        assertThat(update(pg, oldPosts, Updates.increment(PageModel_Post_.score, 2)).locked()).isNull();
        assertThat(update(h2, oldPosts, Updates.increment(PageModel_Post_.score, 2)).locked()).isNull();
        assertThat(locked.lockKeys().sql()).isEqualTo("SELECT posts.id FROM posts WHERE posts.published < ? FOR UPDATE");
        assertThat(locked.lockKeys().binds()).containsExactly(new Bind(LocalDate.of(2000, 1, 1), LocalDate.class));
        assertThat(locked.lockKeys().origin()).isEqualTo(StatementOrigin.of(StatementOrigin.Kind.BULK_UPDATE, Post.class));
        assertThat(locked.keyTypes()).containsExactly(Long.class);
        // 2,500 keys: chunks of the dialect's IN-list size (1,000), the assignment's binds first in each.
        List<Object[]> keys = new java.util.ArrayList<>();
        for (long id = 1; id <= 2_500; id++) keys.add(new Object[] {id});
        List<dev.braid.statement.RenderedSql> updates = locked.updates(keys);
        assertThat(updates).hasSize(3);
        assertThat(updates.get(2).sql()).isEqualTo("UPDATE posts SET score = score + ?, version = version + 1"
                + " WHERE posts.id IN (" + String.join(", ", java.util.Collections.nCopies(500, "?")) + ")");
        assertThat(updates.get(2).binds().get(0)).isEqualTo(new Bind(2, Integer.class));
        assertThat(updates.get(2).binds().get(1)).isEqualTo(new Bind(2_001L, Long.class));
        assertThat(updates.get(0).binds()).hasSize(1_001);
        List<dev.braid.statement.RenderedSql> rereads = locked.rereads(keys.subList(0, 2));
        assertThat(rereads).singleElement().satisfies(sql -> {
            assertThat(sql.sql()).isEqualTo("SELECT posts.id, posts.score, posts.version FROM posts WHERE posts.id IN (?, ?)");
            assertThat(sql.binds()).containsExactly(new Bind(1L, Long.class), new Bind(2L, Long.class));
        });
        assertThat(update.returnedTypes()).containsExactly(Long.class, Integer.class, Long.class);
        // The single statement that returns rows is still refused there, naming the fix.
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(update::returningRows, MapperException.class))
                .hasMessageContaining("MariaDB cannot return");
    }

    @Test
    void filtersAcrossRelationshipsAreCorrelated() {
        BulkUpdate update = update(pg, Query.from(Post.class).where(PageModel_Post_.blog.has(PageModel_Blog_.name.eq("Ideas"))),
                Updates.increment(PageModel_Post_.score, 1));
        assertThat(update.plain().sql()).isEqualTo("UPDATE posts SET score = score + $1, version = version + 1 WHERE EXISTS"
                + " (SELECT 1 FROM blogs WHERE blogs.id = posts.blog_id AND blogs.name = $2)");
    }

    @Test
    void theSessionsObjectsTakeTheReturnedValuesAndTheUndoRestoresThem() {
        IdentityMap session = new IdentityMap();
        BulkUpdate update = update(pg, oldPosts, Updates.set(PageModel_Post_.title, "Archived"),
                Updates.increment(PageModel_Post_.score, 1));
        assertThat(update.readsRows(session)).isFalse();
        EntityHydrator hydrator = new EntityHydrator(session);
        LocalDate day = LocalDate.of(1999, 5, 5);
        Post held = (Post) hydrator.hydrate(registry.entity(Post.class), Rows.of(1L, "Old", day, 4, "old", null, 7L), 0);
        Post other = (Post) hydrator.hydrate(registry.entity(Post.class), Rows.of(2L, "New", day, 1, "new", null, 1L), 0);
        assertThat(update.readsRows(session)).isTrue();

        Deque<Runnable> undo = new ArrayDeque<>();
        long count = update.apply(List.of(new Object[] {1L, "Archived", 5, 8L}, new Object[] {3L, "Archived", null, 2L}),
                session, undo);

        assertThat(count).isEqualTo(2); // row 3 was not held: counted, nothing to change
        assertThat(List.of(held.title, held.score, held.version)).containsExactly("Archived", 5, 8L);
        assertThat(session.stateOf(held).snapshot()).containsExactly(1L, "Archived", day, 5, "old", null, 8L);
        assertThat(List.of(other.title, other.score, other.version)).containsExactly("New", 1, 1L);
        while (!undo.isEmpty()) undo.pop().run();
        assertThat(List.of(held.title, held.score, held.version)).containsExactly("Old", 4, 7L);
        assertThat(session.stateOf(held).snapshot()).containsExactly(1L, "Old", day, 4, "old", null, 7L);
    }

    @Test
    void aFilterIsRequiredAndOnlyAFilterIsAccepted() {
        assertThat(message(() -> update(pg, Query.from(Post.class), Updates.set(PageModel_Post_.title, "x"))))
                .contains("without where(...) would update every row of posts").contains("where(Predicate.and())");
        assertThat(update(pg, Query.from(Post.class).where(Predicate.and()), Updates.set(PageModel_Post_.title, "x"))
                .plain().sql()).isEqualTo("UPDATE posts SET title = $1, version = version + 1 WHERE 1 = 1");
        assertThat(message(() -> update(pg, oldPosts.limit(5), Updates.set(PageModel_Post_.title, "x"))))
                .contains("takes a filter only");
        assertThat(message(() -> update(pg, oldPosts.orderBy(PageModel_Post_.id.asc()), Updates.set(PageModel_Post_.title, "x"))))
                .contains("takes a filter only");
        assertThat(message(() -> update(pg, oldPosts))).contains("was given nothing to set");
    }

    @Test
    void relationshipsKeysVersionsAndUnmappedAttributesAreRefusedNamingTheFix() {
        assertThat(message(() -> update(pg, oldPosts, new Assignment.Set(Attribute.of(Post.class, "blog", Object.class), null))))
                .contains("sets Post.blog, a relationship").contains("set its foreign key attribute Post.blogId instead");
        assertThat(message(() -> BulkUpdate.of(registry, pg, Query.from(PageModel.Blog.class).where(PageModel_Blog_.id.eq(1L)),
                List.of(new Assignment.Set(Attribute.of(PageModel.Blog.class, "posts", Object.class), null)))))
                .contains("sets Blog.posts, a relationship").contains("update Post rows with select(Post.class)");
        assertThat(message(() -> update(pg, oldPosts, Updates.set(PageModel_Post_.id, 5L)))).contains("part of the key");
        assertThat(message(() -> update(pg, oldPosts, Updates.set(PageModel_Post_.version, 5L)))).contains("the version column");
        assertThat(message(() -> update(pg, oldPosts, new Assignment.Set(Attribute.of(Post.class, "titel", String.class), "x"))))
                .contains("Post.titel, which is not a mapped attribute").contains("[id, title, published, score, slug, blogId, version]");
        assertThat(message(() -> update(pg, oldPosts, Updates.set(PageModel_Blog_.name, "x"))))
                .contains("sets Blog.name, an attribute of another entity");
    }

    @Test
    void valuesAreCheckedAgainstTheColumn() {
        assertThat(message(() -> update(pg, oldPosts, Updates.set(PageModel_Post_.title, null))))
                .contains("sets Post.title to null, but its column title is NOT NULL");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Attribute<Post, Object> score = (Attribute) PageModel_Post_.score;
        assertThat(message(() -> update(pg, oldPosts, Updates.set(score, "many"))))
                .contains("Post.score, which is Integer, to String many");
        assertThat(message(() -> update(pg, oldPosts, new Assignment.Increment(PageModel_Post_.title, 1))))
                .contains("increments Post.title, which is String, not a number");
        assertThat(message(() -> update(pg, oldPosts, Updates.set(PageModel_Post_.title, "a"), Updates.set(PageModel_Post_.title, "b"))))
                .contains("sets Post.title twice");
    }
}
