package dev.braid.reactive;

import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.relopts.Library;
import dev.braid.reactive.relopts.Library_;
import dev.braid.reactive.relopts.RelOptsModel;
import dev.braid.reactive.relopts.Volume;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18 item 7: collection order ({@code orderBy}) on SELECTIN, JOINED and explicit loads. */
abstract class RelationshipOptionsContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return RelOptsModel.registry();
    }

    private static final String VOLUME_COLUMNS = "ro_volumes.id, ro_volumes.title, ro_volumes.active, ro_volumes.library_id";

    /** "city" with volumes b, (untitled), c, a inserted in that order; returns its id. */
    private Long seed() {
        Library city = new Library("city");
        for (String title : Arrays.asList("b", null, "c", "a")) city.volumes.add(new Volume(title, !"c".equals(title)));
        mapper.inTransaction(s -> s.add(city)).blockLast(TIMEOUT);
        recorder().clear();
        return city.id;
    }

    /** title DESC, id: NULL first on PostgreSQL (NULLs sort high), last on H2 (NULLs sort low). */
    private List<String> titlesDescending() {
        return postgres() ? Arrays.asList(null, "c", "b", "a") : Arrays.asList("c", "b", "a", null);
    }

    private String selectin(String table, String fkColumn) {
        String columns = "SELECT " + VOLUME_COLUMNS.replace("ro_volumes", table);
        if (postgres()) return columns + " FROM " + table + " WHERE " + table + "." + fkColumn + " = ANY($1)";
        if (mariadb()) return columns + " FROM " + table + " WHERE " + table + "." + fkColumn + " IN ($1)";
        return columns + " FROM TABLE(k bigint = $1) braid_keys JOIN " + table + " ON " + table + "." + fkColumn + " = braid_keys.k";
    }

    @Test
    void selectinSortsEachCollectionInMemoryAsTheDatabaseWould() {
        Long id = seed();
        StepVerifier.create(mapper.withSession(s -> s.select(Library.class).options(Loads.selectin(Library_.volumes)).all()))
                .assertNext(library -> assertThat(library.volumes).extracting(v -> v.title)
                        .containsExactlyElementsOf(titlesDescending()))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                "SELECT ro_libraries.id, ro_libraries.name FROM ro_libraries",
                selectin("ro_volumes", "library_id"));
        assertThat(id).isNotNull();
    }

    @Test
    void joinedOrdersInSqlAfterTheRootOrder() {
        seed();
        StepVerifier.create(mapper.withSession(s -> s.select(Library.class).options(Loads.joined(Library_.volumes)).all()))
                .assertNext(library -> assertThat(library.volumes).extracting(v -> v.title)
                        .containsExactlyElementsOf(titlesDescending()))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                "SELECT ro_libraries.id, ro_libraries.name, " + VOLUME_COLUMNS + " FROM ro_libraries"
                        + " LEFT OUTER JOIN ro_volumes ON ro_volumes.library_id = ro_libraries.id"
                        + " ORDER BY ro_libraries.id, ro_volumes.title DESC, ro_volumes.id");
    }

    @Test
    void explicitLoadSortsToo() {
        Long id = seed();
        StepVerifier.create(mapper.withSessionMono(s -> s.get(Library.class, id)
                        .flatMap(library -> s.load(library, Library_.volumes).thenReturn(library))))
                .assertNext(library -> assertThat(library.volumes).extracting(v -> v.title)
                        .containsExactlyElementsOf(titlesDescending()))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                "SELECT ro_libraries.id, ro_libraries.name FROM ro_libraries WHERE ro_libraries.id = $1",
                selectin("ro_volumes", "library_id"));
    }

    @Test
    void aMemberAddedInMemoryStaysWhereItWasAddedUntilReloaded() {
        Long id = seed();
        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Library.class, id)
                        .flatMap(library -> s.load(library, Library_.volumes).then(reactor.core.publisher.Mono.fromRunnable(
                                () -> library.volumes.add(new Volume("z", true)))).then(s.flush()).thenReturn(library))))
                .assertNext(library -> assertThat(library.volumes).extracting(v -> v.title).last().isEqualTo("z"))
                .verifyComplete();
        StepVerifier.create(mapper.withSession(s -> s.select(Library.class).options(Loads.selectin(Library_.volumes)).all()))
                .assertNext(library -> assertThat(library.volumes).extracting(v -> v.title).first()
                        .isEqualTo(postgres() ? null : "z"))
                .verifyComplete();
    }

    /** The active volumes (a, b and the untitled one) by title ascending, NULLs where the database puts them. */
    private List<String> activeTitles() {
        return postgres() ? Arrays.asList("a", "b", null) : Arrays.asList(null, "a", "b");
    }

    @Test
    void aViewOnlyConditionIsBoundInSelectinAndJoinedSql() {
        seed();
        StepVerifier.create(mapper.withSession(s -> s.select(Library.class).options(Loads.selectin(Library_.activeVolumes)).all()))
                .assertNext(library -> assertThat(library.activeVolumes).extracting(v -> v.title)
                        .containsExactlyElementsOf(activeTitles()))
                .verifyComplete();
        assertThat(recorder().statements().get(1)).isEqualTo(postgres() || mariadb()
                ? selectin("ro_volumes", "library_id") + " AND ro_volumes.active = $2"
                : selectin("ro_volumes", "library_id") + " WHERE ro_volumes.active = $2");
        recorder().clear();
        StepVerifier.create(mapper.withSession(s -> s.select(Library.class).options(Loads.joined(Library_.activeVolumes)).all()))
                .assertNext(library -> assertThat(library.activeVolumes).extracting(v -> v.title)
                        .containsExactlyElementsOf(activeTitles()))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                "SELECT ro_libraries.id, ro_libraries.name, " + VOLUME_COLUMNS + " FROM ro_libraries"
                        + " LEFT OUTER JOIN ro_volumes ON ro_volumes.library_id = ro_libraries.id AND ro_volumes.active = $1"
                        + " ORDER BY ro_libraries.id, ro_volumes.title, ro_volumes.id");
    }

    @Test
    void aViewOnlyRelationshipRefusesWritesAndTheFlushIgnoresIt() {
        Long id = seed();
        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Library.class, id)
                        .flatMap(library -> s.load(library, Library_.activeVolumes).then(s.load(library, Library_.volumes)).thenReturn(library))
                        .doOnNext(library -> {
                            Volume first = library.activeVolumes.get(0);
                            org.assertj.core.api.Assertions.assertThatThrownBy(() -> library.activeVolumes.remove(first))
                                    .isInstanceOf(dev.braid.error.MapperException.class)
                                    .hasMessageContaining("Library.activeVolumes is view-only");
                            org.assertj.core.api.Assertions.assertThatThrownBy(() -> library.activeVolumes.add(new Volume("x", true)))
                                    .hasMessageContaining("BRAID_ARGUMENT");
                            // the writable collection over the same foreign key does the writing
                            library.volumes.removeIf(v -> "c".equals(v.title));
                        }).then(s.flush()).thenReturn(1)))
                .expectNext(1)
                .verifyComplete();
        assertThat(rows("SELECT title FROM ro_volumes WHERE title IS NOT NULL ORDER BY title"))
                .containsExactly(List.of("a"), List.of("b"));
        assertThat(recorder().statements()).filteredOn(sql -> !sql.startsWith("SELECT"))
                .containsExactly("DELETE FROM ro_volumes WHERE id = $1");
    }
}
