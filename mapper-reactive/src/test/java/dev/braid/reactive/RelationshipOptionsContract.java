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
}
