package dev.braid.reactive;

import dev.braid.annotation.LoadStrategy;
import dev.braid.mapping.MappingRegistry;
import dev.braid.mapping.EntityDefinition;
import dev.braid.relation.RelatedList;
import dev.braid.relation.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two registries in one JVM map the same classes with different reverse names (fluent builder):
 * Team.members pairs with Person.team in one and with Person.club in the other. Each mapper's sessions
 * sync by their own registry's names, so the cascade along the synced collection writes what each
 * mapping says and nothing else.
 */
abstract class RegistrySyncContract extends MapperTestBase {

    static class Team {
        Long id;
        String name;
        final RelatedList<Person> members = RelatedList.of(this);

        Team() {}

        Team(String name) { this.name = name; }
    }

    static class Person {
        Long id;
        String name;
        Long teamId;
        final Reference<Team> team = Reference.of(this);
        final Reference<Team> club = Reference.of(this);

        Person() {}

        Person(String name) { this.name = name; }
    }

    /** Team.members pairs with {@code reverse}: Person.team or Person.club. */
    static MappingRegistry registry(String reverse) {
        return MappingRegistry.builder()
                .define(EntityDefinition.of(Team.class).table("teams").identity("id").column("name")
                        .oneToMany("members", Person.class, r -> r.backPopulates(reverse).load(LoadStrategy.SELECTIN)))
                .define(EntityDefinition.of(Person.class).table("people").identity("id").column("name")
                        .foreignKey("teamId", Team.class)
                        .manyToOne(reverse, Team.class, r -> r.foreignKey("teamId").backPopulates("members")))
                .build();
    }

    /** The second mapper, over the same database, on a registry that pairs members with Person.club. */
    Mapper byClub;

    @Override
    protected MappingRegistry registry() {
        return registry("team");
    }

    @BeforeAll
    void createSecondMapper() {
        byClub = Mapper.builder(pool(), registry("club")).build();
    }

    private Long seedTeam(String name) {
        Team team = new Team(name);
        mapper.inTransactionMono(s -> s.add(team)).block(TIMEOUT);
        return team.id;
    }

    private List<List<Object>> people() {
        return rows("SELECT name, team_id FROM people ORDER BY name");
    }

    @Test
    void aLoadedTeamSyncsNewMembersByEachMappersReverseName() {
        Long id = seedTeam("red");
        mapper.inTransaction(s -> s.get(Team.class, id).doOnNext(team -> {
            Person ann = new Person("ann");
            ann.team.set(team); // the reverse of members in this mapping: the team now holds ann
            Person bob = new Person("bob");
            bob.club.set(team); // not mapped here: stays one-way, bob is never reached
            assertThat(team.members).containsExactly(ann);
        })).blockLast(TIMEOUT);
        byClub.inTransaction(s -> s.get(Team.class, id).doOnNext(team -> {
            assertThat(team.members).extracting(p -> p.name).containsExactly("ann");
            Person cid = new Person("cid");
            cid.club.set(team); // the reverse in this mapping
            Person dan = new Person("dan");
            dan.team.set(team); // not mapped here
            assertThat(team.members).extracting(p -> p.name).containsExactly("ann", "cid");
        })).blockLast(TIMEOUT);

        assertThat(people()).containsExactly(List.of("ann", id), List.of("cid", id));
    }

    @Test
    void changesBetweenNewObjectsSyncWhenTheyEnterASessionOfEitherMapper() {
        Team red = new Team("red");
        Person ann = new Person("ann");
        ann.team.set(red);
        Person bob = new Person("bob");
        bob.club.set(red);
        mapper.inTransactionMono(s -> s.add(red)).block(TIMEOUT); // reaches ann through the synced members

        Team blue = new Team("blue");
        Person cid = new Person("cid");
        cid.club.set(blue);
        Person dan = new Person("dan");
        dan.team.set(blue);
        byClub.inTransactionMono(s -> s.add(blue)).block(TIMEOUT); // reaches cid

        assertThat(red.members).containsExactly(ann);
        assertThat(blue.members).containsExactly(cid);
        assertThat(people()).containsExactly(List.of("ann", red.id), List.of("cid", blue.id));
    }

    @Test
    void membersAddedToANewTeamGetEachMappersReference() {
        Team red = new Team("red");
        Person ann = new Person("ann");
        red.members.add(ann);
        mapper.inTransactionMono(s -> s.add(red)).block(TIMEOUT);
        Team blue = new Team("blue");
        Person cid = new Person("cid");
        blue.members.add(cid);
        byClub.inTransactionMono(s -> s.add(blue)).block(TIMEOUT);

        assertThat(ann.team.get()).isSameAs(red);
        assertThat(ann.club.get()).isNull();
        assertThat(cid.club.get()).isSameAs(blue);
        assertThat(cid.team.get()).isNull();
        assertThat(people()).containsExactly(List.of("ann", red.id), List.of("cid", blue.id));
    }
}
