package dev.braid.core.internal.plan.flush;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToMany;
import dev.braid.annotation.ManyToOne;
import dev.braid.annotation.OneToMany;
import dev.braid.core.fixtures.Category;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.dialect.Dialect;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.relation.Reference;
import dev.braid.relation.RelatedList;
import dev.braid.statement.RenderedSql;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Planning {@code deleteByKeys}: statement order and SQL per dialect, chunks, held objects, refusals; no database. */
class KeyDeletesPlanTest {

    @Entity(table = "publishers")
    public static class Publisher {
        @Id @Identity public Long id;
        public String name;
        @OneToMany(backPopulates = "publisher", cascade = Cascade.ALL)
        public final RelatedList<Series> series = RelatedList.of(this);
        @OneToMany(backPopulates = "publisher")
        public final RelatedList<Imprint> imprints = RelatedList.of(this);
        @ManyToMany(table = "publisher_tags", column = "publisher_id", inverseColumn = "tag_id")
        public final RelatedList<Label> labels = RelatedList.of(this);
    }

    @Entity(table = "series")
    public static class Series {
        @Id @Identity public Long id;
        @ForeignKey(entity = Publisher.class) @Column(nullable = false) public Long publisherId;
        @ManyToOne(backPopulates = "series")
        public final Reference<Publisher> publisher = Reference.of(this);
        @OneToMany(backPopulates = "series", cascade = Cascade.ALL)
        public final RelatedList<Volume> volumes = RelatedList.of(this);
    }

    @Entity(table = "volumes")
    public static class Volume {
        @Id @Identity public Long id;
        @ForeignKey(entity = Series.class) @Column(nullable = false) public Long seriesId;
        @ManyToOne(backPopulates = "volumes")
        public final Reference<Series> series = Reference.of(this);
    }

    @Entity(table = "imprints")
    public static class Imprint {
        @Id @Identity public Long id;
        @ForeignKey(entity = Publisher.class) public Long publisherId;
        @ManyToOne(backPopulates = "imprints")
        public final Reference<Publisher> publisher = Reference.of(this);
    }

    @Entity(table = "labels")
    public static class Label {
        @Id @Identity public Long id;
    }

    /** Refused: a delete cascade into its own table (depth unknown). */
    @Entity(table = "folders")
    public static class Folder {
        @Id @Identity public Long id;
        @ForeignKey(entity = Folder.class) public Long parentId;
        @ManyToOne(backPopulates = "children")
        public final Reference<Folder> parent = Reference.of(this);
        @OneToMany(backPopulates = "parent", cascade = Cascade.ALL)
        public final RelatedList<Folder> children = RelatedList.of(this);
    }

    /** Refused: a NOT NULL child key without a delete cascade. */
    @Entity(table = "owners")
    public static class Owner {
        @Id @Identity public Long id;
        @OneToMany(backPopulates = "owner")
        public final RelatedList<Pet> pets = RelatedList.of(this);
    }

    @Entity(table = "pets")
    public static class Pet {
        @Id @Identity public Long id;
        @ForeignKey(entity = Owner.class) @Column(nullable = false) public Long ownerId;
        @ManyToOne(backPopulates = "pets")
        public final Reference<Owner> owner = Reference.of(this);
    }

    /** Refused: a delete cascade to the members of a many-to-many. */
    @Entity(table = "playlists")
    public static class Playlist {
        @Id @Identity public Long id;
        @ManyToMany(table = "playlist_songs", column = "playlist_id", inverseColumn = "song_id", cascade = Cascade.ALL)
        public final RelatedList<Label> songs = RelatedList.of(this);
    }

    private final MappingRegistry registry = MappingRegistry.builder()
            .entity(Publisher.class, Series.class, Volume.class, Imprint.class, Label.class, Folder.class, Owner.class,
                    Pet.class, Playlist.class, Category.class, dev.braid.core.fixtures.Author.class)
            .build();

    private KeyDeletes keyDeletes(Dialect dialect, IdentityMap held, int chunk) {
        return new KeyDeletes(registry, held, new SqlRenderer(dialect), chunk);
    }

    private static List<String> sql(FlushPlan plan) {
        List<String> out = new ArrayList<>();
        for (WriteStep step : plan.steps()) out.add(step.render().sql());
        return out;
    }

    @Test
    void postgresDeletesLevelByLevelThroughSubqueriesDetachesAndRemovesLinkRowsRootsLast() {
        KeyDeletes.Planned planned = keyDeletes(Dialect.postgresql(), new IdentityMap(), 10_000)
                .plan(Publisher.class, List.of(1L, 2L));
        assertThat(planned.rootTable()).isEqualTo("publishers");
        assertThat(sql(planned.plan())).containsExactly(
                "DELETE FROM volumes WHERE volumes.series_id IN (SELECT series.id FROM series WHERE series.publisher_id = ANY($1))",
                "DELETE FROM series WHERE series.publisher_id = ANY($1)",
                "UPDATE imprints SET publisher_id = $1 WHERE imprints.publisher_id = ANY($2)",
                "DELETE FROM publisher_tags WHERE publisher_tags.publisher_id = ANY($1)",
                "DELETE FROM publishers WHERE publishers.id = ANY($1)");
        assertThat(planned.plan().steps()).extracting(WriteStep::kind).containsExactly(WriteStep.Kind.DELETE,
                WriteStep.Kind.DELETE, WriteStep.Kind.UPDATE, WriteStep.Kind.LINK_DELETE, WriteStep.Kind.DELETE);
        assertThat(planned.plan().steps()).extracting(WriteStep::table)
                .containsExactly("volumes", "series", "imprints", "publisher_tags", "publishers");
        RenderedSql root = planned.plan().steps().get(4).render();
        assertThat((Object[]) root.binds().get(0).value()).containsExactly(1L, 2L);
    }

    @Test
    void h2BindsOneMarkerPerKeyUpTo500() {
        KeyDeletes.Planned planned = keyDeletes(Dialect.h2(), new IdentityMap(), 1_000).plan(Publisher.class, List.of(1L, 2L));
        assertThat(sql(planned.plan())).containsExactly(
                "DELETE FROM volumes WHERE volumes.series_id IN (SELECT series.id FROM series WHERE series.publisher_id IN ($1, $2))",
                "DELETE FROM series WHERE series.publisher_id IN ($1, $2)",
                "UPDATE imprints SET publisher_id = $1 WHERE imprints.publisher_id IN ($2, $3)",
                "DELETE FROM publisher_tags WHERE publisher_tags.publisher_id IN ($1, $2)",
                "DELETE FROM publishers WHERE publishers.id IN ($1, $2)");
    }

    @Test
    void keysGoInSelfContainedChunks() {
        List<Long> ids = LongStream.rangeClosed(1, 2_001).boxed().toList();
        FlushPlan plan = keyDeletes(Dialect.postgresql(), new IdentityMap(), 1_000).plan(Publisher.class, ids).plan();
        assertThat(plan.steps()).hasSize(15);
        List<Integer> rootChunkSizes = new ArrayList<>();
        for (int i = 4; i < 15; i += 5) rootChunkSizes.add(((Object[]) plan.steps().get(i).render().binds().get(0).value()).length);
        assertThat(rootChunkSizes).containsExactly(1_000, 1_000, 1);
        assertThat(plan.steps().get(5).render().sql()).startsWith("DELETE FROM volumes");
    }

    @Test
    void heldObjectsMakeTheirStatementsReturnIdsAndLeaveTheSessionUntilAnAbort() {
        IdentityMap held = new IdentityMap();
        EntityMapping publishers = registry.entity(Publisher.class);
        Publisher p = new Publisher();
        p.id = 1L;
        held.loaded(publishers, p, 1L, new Object[]{1L, "p"});
        FlushPlan plan = keyDeletes(Dialect.postgresql(), held, 10_000).plan(Publisher.class, List.of(1L)).plan();
        WriteStep series = plan.steps().get(1);
        assertThat(series.render().sql()).doesNotContain("RETURNING"); // no series held
        WriteStep root = plan.steps().get(4);
        assertThat(root.render().sql()).isEqualTo("DELETE FROM publishers WHERE publishers.id = ANY($1) RETURNING id");
        assertThat(root.returnedTypes()).containsExactly(Long.class);
        root.applied(1, List.<Object[]>of(new Object[]{1L}));
        assertThat(held.contains(p)).isFalse();
        plan.abort();
        assertThat(held.contains(p)).isTrue();
    }

    @Test
    void anEmptyListPlansNothing() {
        assertThat(keyDeletes(Dialect.h2(), new IdentityMap(), 1_000).plan(Publisher.class, List.of()).plan().isEmpty()).isTrue();
    }

    private void refused(Class<?> type, List<?> ids, ErrorCode code, String... fragments) {
        assertThatThrownBy(() -> keyDeletes(Dialect.h2(), new IdentityMap(), 1_000).plan(type, ids))
                .isInstanceOf(MapperException.class)
                .satisfies(e -> assertThat(((MapperException) e).code()).isEqualTo(code))
                .satisfies(e -> {
                    for (String f : fragments) assertThat(e.getMessage()).contains(f);
                });
    }

    @Test
    void mappingsThatNeedRowsReadAreRefusedNamingTheFix() {
        refused(Folder.class, List.of(1L), ErrorCode.BRAID_QUERY, "Folder.children cascades DELETE back into Folder",
                "Fix: set passiveDeletes = true");
        refused(Owner.class, List.of(1L), ErrorCode.BRAID_QUERY, "Pet.ownerId, which cannot be NULL",
                "Owner.pets does not cascade DELETE", "Fix: add Cascade.DELETE to Owner.pets");
        refused(Playlist.class, List.of(1L), ErrorCode.BRAID_QUERY, "Playlist.songs cascades DELETE to the members of a many-to-many");
        refused(dev.braid.core.fixtures.Author.class, List.of(1L), ErrorCode.BRAID_QUERY, "Author has a version column",
                "select(Author.class).where(...).delete()");
        // A reference without cascade needs nothing: a category goes alone.
        assertThat(sql(keyDeletes(Dialect.h2(), new IdentityMap(), 1_000).plan(Category.class, List.of(1L)).plan()))
                .containsExactly("DELETE FROM categories WHERE categories.id IN ($1)");
    }

    @Test
    void badKeysAreRefusedBeforeAnythingIsPlanned() {
        refused(Publisher.class, Arrays.asList(1L, null), ErrorCode.BRAID_ARGUMENT, "ids[1] is null");
        refused(Publisher.class, List.of("1"), ErrorCode.BRAID_ARGUMENT, "Publisher.id is Long but ids[0] is String 1");
        refused(Publisher.class, null, ErrorCode.BRAID_ARGUMENT, "ids is null");
        refused(String.class, List.of(1L), ErrorCode.BRAID_UNMAPPED, "java.lang.String is not a mapped entity");
    }
}
