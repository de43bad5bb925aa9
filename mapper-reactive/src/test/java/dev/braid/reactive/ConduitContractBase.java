package dev.braid.reactive;

import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.conduit.Article;
import dev.braid.reactive.conduit.Comment;
import dev.braid.reactive.conduit.ConduitModel;
import dev.braid.reactive.conduit.Folder;
import dev.braid.reactive.conduit.Status;
import dev.braid.reactive.conduit.Tag;
import dev.braid.reactive.conduit.User;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Conduit data of the projection and subquery contracts, seeded before each test:
 * <pre>
 *   users    alice, bob, carol, dave (dave writes nothing)
 *   articles "Reactive Streams" (alice, 5 min, tags java+reactive, favorited by bob and carol)
 *            "R2DBC in Practice" (alice, 12 min, tag java, favorited by carol)
 *            "Cooking Pasta" (bob, 7 min, tag food, favorited by alice, bob and carol)
 *            "Draft Notes" (carol, 3 min, DRAFT, no tag, no favorite)
 *   comments "great intro" (bob on Reactive Streams), "thanks" (alice on her own Reactive Streams),
 *            "great recipe" (carol on Cooking Pasta)
 *   folders  root / a / a1 / a11, root / b, and archive (a second root)
 * </pre>
 */
abstract class ConduitContractBase extends MapperTestBase {
    User alice;
    User bob;
    User carol;
    User dave;
    Article reactive;
    Article r2dbc;
    Article pasta;
    Article draft;
    Folder root;
    Folder a;
    Folder a1;
    Folder a11;
    Folder b;
    Folder archive;

    @Override
    protected MappingRegistry registry() {
        return ConduitModel.registry();
    }

    @BeforeEach
    void seedConduit() {
        alice = new User("alice");
        bob = new User("bob");
        carol = new User("carol");
        dave = new User("dave");
        Tag java = new Tag("java");
        Tag streams = new Tag("reactive");
        Tag food = new Tag("food");
        reactive = new Article("Reactive Streams", 5, alice);
        r2dbc = new Article("R2DBC in Practice", 12, alice);
        pasta = new Article("Cooking Pasta", 7, bob);
        draft = new Article("Draft Notes", 3, carol);
        draft.status = Status.DRAFT;
        reactive.tags.add(java);
        reactive.tags.add(streams);
        r2dbc.tags.add(java);
        pasta.tags.add(food);
        reactive.favoritedBy.add(bob);
        reactive.favoritedBy.add(carol);
        r2dbc.favoritedBy.add(carol);
        pasta.favoritedBy.add(alice);
        pasta.favoritedBy.add(bob);
        pasta.favoritedBy.add(carol);
        a11 = new Folder("a11");
        a1 = new Folder("a1", a11);
        a = new Folder("a", a1);
        b = new Folder("b");
        root = new Folder("root", a, b);
        archive = new Folder("archive");
        mapper.inTransaction(s -> s.addAll(List.of(alice, bob, carol, dave, java, streams, food, reactive, r2dbc, pasta,
                        draft, root, archive))
                .then(s.flush())
                .then(s.addAll(List.of(new Comment("great intro", reactive, bob), new Comment("thanks", reactive, alice),
                        new Comment("great recipe", pasta, carol))))).blockLast(TIMEOUT);
        recorder().clear();
    }

    /** Checks a BRAID_QUERY error's message parts. */
    static Consumer<Throwable> queryError(String... parts) {
        return e -> {
            assertThat(e).isInstanceOf(MapperException.class);
            assertThat(((MapperException) e).code()).isEqualTo(dev.braid.error.ErrorCode.BRAID_QUERY);
            for (String part : parts) assertThat(e.getMessage()).contains(part);
        };
    }
}
