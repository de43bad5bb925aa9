package dev.braid.reactive;

import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.relopts.Club;
import dev.braid.reactive.relopts.Club_;
import dev.braid.reactive.relopts.Membership_;
import dev.braid.reactive.relopts.Person;
import dev.braid.reactive.relopts.RelOptsModel;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18 item 7: an association proxy ({@code club.people} through {@code club.memberships}). */
abstract class AssociationProxyContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return RelOptsModel.registry();
    }

    private Long seed() {
        Club chess = new Club("chess");
        chess.people.add(new Person("alice"));
        chess.people.add(new Person("bob"));
        mapper.inTransaction(s -> s.add(chess)).blockLast(TIMEOUT);
        recorder().clear();
        return chess.id;
    }

    @Test
    void addingThroughTheProxyCreatesTheAssociationObject() {
        Club chess = new Club("chess");
        Person alice = new Person("alice");
        chess.people.add(alice);
        assertThat(chess.memberships).hasSize(1);
        assertThat(chess.memberships.get(0).role).isEqualTo("member");
        assertThat(chess.memberships.get(0).club.get()).isSameAs(chess);
        assertThat(chess.people).containsExactly(alice);
        assertThat(chess.people.contains(alice)).isTrue();
        assertThat(chess.people.contains(new Person("alice"))).isFalse();
        mapper.inTransaction(s -> s.add(chess)).blockLast(TIMEOUT);
        assertThat(rows("SELECT c.name, p.name, m.role FROM ro_memberships m JOIN ro_clubs c ON c.id = m.club_id"
                + " JOIN ro_people p ON p.id = m.person_id")).containsExactly(List.of("chess", "alice", "member"));
    }

    @Test
    void theProxyIsLoadedThroughTheCollectionAndItsReference() {
        Long id = seed();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Club.class)
                        .options(Loads.selectin(Club_.memberships, Membership_.person)).one()))
                .assertNext(club -> {
                    assertThat(club.people.isLoaded()).isTrue();
                    assertThat(club.people).extracting(p -> p.name).containsExactlyInAnyOrder("alice", "bob");
                    assertThat(club.people).hasSize(2);
                })
                .verifyComplete();
        assertThat(recorder().statements()).hasSize(3);
        assertThat(recorder().statements().get(1)).startsWith("SELECT ro_memberships.club_id, ro_memberships.person_id,"
                + " ro_memberships.role FROM ");
        assertThat(recorder().statements().get(2)).startsWith("SELECT ro_people.id, ro_people.name FROM ");
        assertThat(id).isNotNull();
    }

    @Test
    void unloadedPartsFailNamingWhatToLoad() {
        seed();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Club.class).one()))
                .assertNext(club -> {
                    assertThat(club.people.isLoaded()).isFalse();
                    assertThatThrownBy(club.people::size).isInstanceOf(MapperException.class)
                            .hasMessageContaining("Club.memberships");
                })
                .verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Club.class).options(Loads.selectin(Club_.memberships)).one()))
                .assertNext(club -> assertThatThrownBy(() -> club.people.iterator().next())
                        .isInstanceOf(MapperException.class).hasMessageContaining("Membership.person"))
                .verifyComplete();
    }

    @Test
    void removingThroughTheProxyDeletesTheAssociationObjectOnly() {
        Long id = seed();
        mapper.inTransaction(s -> s.get(Club.class, id).flatMap(club -> s.load(club, Club_.memberships, Membership_.person)
                .then(reactor.core.publisher.Mono.fromRunnable(() -> {
                    Person bob = club.people.stream().filter(p -> p.name.equals("bob")).findFirst().orElseThrow();
                    assertThat(club.people.remove(bob)).isTrue();
                    assertThat(club.people.remove(bob)).isFalse();
                })))).blockLast(TIMEOUT);
        assertThat(rows("SELECT p.name FROM ro_memberships m JOIN ro_people p ON p.id = m.person_id"))
                .containsExactly(List.of("alice"));
        assertThat(count("ro_people")).isEqualTo(2);
        assertThat(recorder().statements()).contains("DELETE FROM ro_memberships WHERE club_id = $1 AND person_id = $2");
    }
}
