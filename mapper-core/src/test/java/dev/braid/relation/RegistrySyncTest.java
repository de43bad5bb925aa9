package dev.braid.relation;

import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.mapping.MappingRegistry;
import dev.braid.mapping.EntityDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relationship sync follows the reverse names of the registry an object's session uses: two registries
 * in one JVM map the same classes with different reverse names, and each syncs by its own.
 */
class RegistrySyncTest {

    static class Team {
        Long id;
        final RelatedList<Person> members = RelatedList.of(this);
    }

    static class Person {
        Long id;
        Long teamId;
        final Reference<Team> team = Reference.of(this);
        final Reference<Team> club = Reference.of(this);
    }

    /** Team.members pairs with {@code reverse} (Person.team in one registry, Person.club in the other). */
    private static MappingRegistry registry(String reverse) {
        return MappingRegistry.builder()
                .define(EntityDefinition.of(Team.class).table("teams").id("id")
                        .oneToMany("members", Person.class, r -> r.backPopulates(reverse)))
                .define(EntityDefinition.of(Person.class).table("people").id("id")
                        .foreignKey("teamId", Team.class)
                        .manyToOne(reverse, Team.class, r -> r.foreignKey("teamId").backPopulates("members")))
                .build();
    }

    private final MappingRegistry byTeam = registry("team");
    private final MappingRegistry byClub = registry("club");

    private static Team inSession(MappingRegistry registry, Team team) {
        new IdentityMap().pending(registry.entity(Team.class), team);
        return team;
    }

    @Test
    void eachRegistrySyncsACollectionChangeByItsOwnReverseName() {
        Team a = inSession(byTeam, new Team());
        Team b = inSession(byClub, new Team());
        Person p = new Person();
        Person q = new Person();

        a.members.add(p);
        b.members.add(q);

        assertThat(p.team.get()).isSameAs(a);
        assertThat(p.club.get()).as("not the reverse in the first registry").isNull();
        assertThat(q.club.get()).isSameAs(b);
        assertThat(q.team.get()).as("not the reverse in the second registry").isNull();
    }

    @Test
    void eachRegistrySyncsAReferenceChangeByItsOwnReverseName() {
        Team a = inSession(byTeam, new Team());
        Team b = inSession(byClub, new Team());
        Person p = new Person();
        Person q = new Person();

        p.team.set(a);
        p.club.set(a); // Person.club is not mapped by the first registry: one-way
        q.club.set(b);
        q.team.set(b); // and Person.team not by the second

        assertThat(a.members).containsExactly(p);
        assertThat(b.members).containsExactly(q);

        p.team.set(null);
        q.club.set(null);
        assertThat(a.members).isEmpty();
        assertThat(b.members).isEmpty();
    }

    @Test
    void changesBetweenNewObjectsSyncWhenEitherEntersASession() {
        Team a = new Team();
        Person p = new Person();
        p.team.set(a);
        Team b = new Team();
        Person q = new Person();
        b.members.add(q);
        assertThat(a.members).as("builder-mapped and in no session: reverse unknown yet").isEmpty();
        assertThat(q.club.isLoaded()).isTrue();
        assertThat(q.club.get()).isNull();

        inSession(byTeam, a); // the team enters: the person's reference to it is back-populated
        new IdentityMap().pending(byClub.entity(Person.class), q); // the person enters: the team's addition

        assertThat(a.members).containsExactly(p);
        assertThat(q.club.get()).isSameAs(b);
        assertThat(q.team.get()).isNull();
        assertThat(p.club.get()).isNull();
    }

    @Test
    void aMemberMovesBetweenCollectionsOfTheSameRegistry() {
        Team a = inSession(byClub, new Team());
        Team b = inSession(byClub, new Team());
        Person p = new Person();
        a.members.add(p);
        b.members.add(p);
        assertThat(p.club.get()).isSameAs(b);
        assertThat(a.members).isEmpty();
        assertThat(b.members).containsExactly(p);
    }

    @Test
    void anObjectRebindsWhenItEntersASessionOfAnotherRegistry() {
        Team team = inSession(byTeam, new Team());
        Person p = new Person();
        team.members.add(p);
        assertThat(p.team.get()).isSameAs(team);

        inSession(byClub, team);
        Person q = new Person();
        team.members.add(q);
        assertThat(q.club.get()).isSameAs(team);
        assertThat(q.team.get()).isNull();
    }
}
