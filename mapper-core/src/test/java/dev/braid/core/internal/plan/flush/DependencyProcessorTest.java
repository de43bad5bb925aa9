package dev.braid.core.internal.plan.flush;

import dev.braid.error.MapperException;
import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToMany;
import dev.braid.annotation.ManyToOne;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;
import dev.braid.relation.Reference;
import dev.braid.core.internal.relation.RelationInternals;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each dependency processor collects for a small mapping, without a database. */
@SuppressWarnings("unchecked")
class DependencyProcessorTest {
    @Entity(table = "dp_teams")
    static class Team {
        @Id @Identity Long id;
        String name;
        @OneToMany final RelatedList<Player> players = RelatedList.of(this);
        @ManyToMany(table = "dp_team_sponsors", column = "team_id", inverseColumn = "sponsor_id")
        final RelatedList<Sponsor> sponsors = RelatedList.of(this);

        Team() {}
    }

    @Entity(table = "dp_players")
    static class Player {
        @Id @Identity Long id;
        String name;
        @ForeignKey(entity = Team.class) Long teamId;
        @ManyToOne final Reference<Team> team = Reference.of(this);

        Player() {}
    }

    @Entity(table = "dp_sponsors")
    static class Sponsor {
        @Id @Identity Long id;
        @Column(nullable = false) String name;

        Sponsor() {}
    }

    private final MappingRegistry registry = MappingRegistry.builder().entity(Team.class, Player.class, Sponsor.class).build();
    private final EntityMapping teams = registry.entity(Team.class);
    private final EntityMapping players = registry.entity(Player.class);
    private final EntityMapping sponsors = registry.entity(Sponsor.class);
    private final IdentityMap identityMap = new IdentityMap();
    private final DependencyProcessors processors = new DependencyProcessors(registry);

    private RelationshipMapping relationship(EntityMapping m, String attribute) {
        return m.relationships().stream().filter(r -> r.attribute().equals(attribute)).findFirst().orElseThrow();
    }

    private DependencyProcessor processor(EntityMapping m, String attribute) {
        for (DependencyProcessor dp : processors.of(m)) if (dp.relationship().attribute().equals(attribute)) return dp;
        throw new AssertionError(attribute);
    }

    private EntityState persistent(EntityMapping m, Object entity, long id) {
        m.idColumns().get(0).set(entity, id);
        return identityMap.loaded(m, entity, id, m.readDatabaseValues(entity));
    }

    @Test
    void eachDirectionHasItsProcessorInTheMappingsOrder() {
        assertThat(processors.of(teams)).extracting(dp -> dp.getClass().getSimpleName())
                .containsExactly("OneToManyDP", "ManyToManyDP");
        assertThat(processors.of(players)).extracting(dp -> dp.getClass().getSimpleName()).containsExactly("ManyToOneDP");
        assertThat(processors.of(sponsors)).isEmpty();
        assertThat(processors.parentsOf(players)).extracting(DependencyProcessor::relationship)
                .containsExactly(relationship(teams, "players"));
    }

    @Test
    void manyToOneCopiesTheReferencedKeyAndUndoesIt() {
        Team team = new Team();
        persistent(teams, team, 7);
        Player player = new Player();
        EntityState state = persistent(players, player, 1);
        player.team.set(team);
        DependencyProcessor dp = processor(players, "team");
        assertThat(dp.mayHaveChanged(state)).isTrue();
        assertThat(dp.referenced(player)).isSameAs(team);

        Deque<Runnable> undo = new ArrayDeque<>();
        dp.syncForeignKey(state, undo);
        assertThat(player.teamId).isEqualTo(7L);
        assertThat(dp.mayHaveChanged(state)).isFalse();
        undo.pop().run();
        assertThat(player.teamId).isNull();
    }

    @Test
    void manyToOneWaitsForAKeyStillToBeGenerated() {
        Team team = new Team();
        identityMap.pending(teams, team);
        Player player = new Player();
        EntityState state = persistent(players, player, 1);
        player.team.set(team);
        Deque<Runnable> undo = new ArrayDeque<>();
        processor(players, "team").syncForeignKey(state, undo);
        assertThat(player.teamId).isNull();
        assertThat(undo).isEmpty();
    }

    @Test
    void oneToManyLinksChildrenToTheParentAndReportsTheOnesThatLeft() {
        Team team = new Team();
        Player stays = new Player();
        Player leaves = new Player();
        EntityState teamState = persistent(teams, team, 7);
        persistent(players, stays, 1);
        persistent(players, leaves, 2);
        leaves.teamId = 7L;
        identityMap.updated(identityMap.stateOf(leaves), players.readDatabaseValues(leaves));
        RelationInternals.loadCollection(team.players, List.of(stays, leaves));
        teamState.collectionSnapshot(relationship(teams, "players"), List.of(stays, leaves));
        RelationInternals.removeQuietly(team.players, leaves);
        OneToManyDP dp = (OneToManyDP) processor(teams, "players");
        assertThat(dp.mayHaveChanged(teamState)).isTrue();

        Map<Object, ParentLink> parentOf = new IdentityHashMap<>();
        dp.parentLinks(teamState, parentOf);
        assertThat(parentOf).containsOnlyKeys(stays);
        assertThat(parentOf.get(stays).parent()).isSameAs(team);

        Orphans orphans = new Orphans(identityMap, new CascadeWalk(registry, identityMap));
        Map<Object, OneToManyDP> detached = orphans.collect(List.of(teamState), parentOf, processors);
        assertThat(detached).containsOnlyKeys(leaves);

        ForeignKeySync sync = new ForeignKeySync(processors, parentOf, detached);
        Deque<Runnable> undo = new ArrayDeque<>();
        sync.apply(identityMap.stateOf(stays), undo);
        sync.apply(identityMap.stateOf(leaves), undo);
        assertThat(stays.teamId).isEqualTo(7L);
        assertThat(leaves.teamId).isNull();
        assertThat(sync.dependencies(identityMap.stateOf(stays))).containsExactly(team);
    }

    @Test
    void oneToManyDetachesTheUnloadedChildrenOfADeletedParent() {
        Team team = new Team();
        EntityState state = persistent(teams, team, 7);
        RelationInternals.unload(team.players);
        List<FlushCommands.DeleteCommand> out = new ArrayList<>();
        processor(teams, "players").beforeDelete(state, out);
        assertThat(out).containsExactly(new FlushCommands.DetachChildren(relationship(teams, "players"), state));

        Map<RelationshipMapping, List<Object>> byKey = new LinkedHashMap<>();
        processor(teams, "players").childrenByParentKey(state, byKey);
        assertThat(byKey).isEmpty(); // no DELETE cascade: detached, not deleted
    }

    @Test
    void oneToManyBackPopulatesALoadedParentAfterTheFlush() {
        Team team = new Team();
        persistent(teams, team, 7);
        RelationInternals.loadCollection(team.players, List.of());
        Player player = new Player();
        player.teamId = 7L;
        EntityState child = persistent(players, player, 1);
        BackPopulation.afterFlush(identityMap, processors, new ArrayDeque<>());
        assertThat((List<Object>) RelationInternals.peekCollection(team.players)).containsExactly(player);
        assertThat(child.status()).isEqualTo(dev.braid.core.internal.identity.EntityStatus.PERSISTENT);
    }

    @Test
    void manyToManyCollectsAddedAndRemovedLinkRowsAndTheOwnersLinksOnDelete() {
        Team team = new Team();
        Sponsor kept = new Sponsor();
        Sponsor dropped = new Sponsor();
        Sponsor added = new Sponsor();
        EntityState state = persistent(teams, team, 7);
        persistent(sponsors, kept, 1);
        persistent(sponsors, dropped, 2);
        persistent(sponsors, added, 3);
        RelationshipMapping r = relationship(teams, "sponsors");
        RelationInternals.loadCollection(team.sponsors, List.of(kept, dropped));
        state.collectionSnapshot(r, List.of(kept, dropped));
        RelationInternals.removeQuietly(team.sponsors, dropped);
        RelationInternals.addQuietly(team.sponsors, added);

        LinkCollector links = new LinkCollector(identityMap);
        links.collect(List.of(state), processors);
        assertThat(links.inserts()).containsExactly(new FlushCommands.LinkChange(r, team, added));
        assertThat(links.deletes()).containsExactly(new FlushCommands.LinkChange(r, team, dropped));

        List<FlushCommands.DeleteCommand> out = new ArrayList<>();
        processor(teams, "sponsors").beforeDelete(state, out);
        assertThat(out).containsExactly(new FlushCommands.OwnerLinks(r, team));
    }

    @Test
    void aLinkRowSeenRemovedAndAddedIsLeftAsItIs() {
        Team team = new Team();
        Sponsor sponsor = new Sponsor();
        EntityState state = persistent(teams, team, 7);
        persistent(sponsors, sponsor, 1);
        RelationshipMapping r = relationship(teams, "sponsors");
        LinkCollector links = new LinkCollector(identityMap);
        links.delete(r, team, sponsor);
        links.insert(r, team, sponsor);
        links.collect(List.of(state), processors);
        assertThat(links.deletes()).isEmpty();
        assertThat(links.inserts()).hasSize(1);
    }

    @Test
    void aKeptOrphanWithANotNullForeignKeyFailsNamingTheFix() {
        MappingRegistry strict = MappingRegistry.builder().entity(StrictTeam.class, StrictPlayer.class).build();
        EntityMapping strictPlayers = strict.entity(StrictPlayer.class);
        OneToManyDP dp = (OneToManyDP) DependencyProcessor.of(strict.entity(StrictTeam.class).relationships().get(0));
        StrictPlayer p = new StrictPlayer();
        strictPlayers.idColumns().get(0).set(p, 1L);
        EntityState state = identityMap.loaded(strictPlayers, p, 1L, strictPlayers.readDatabaseValues(p));
        assertThatThrownBy(() -> dp.detach(state, new ArrayDeque<>()))
                .isInstanceOf(MapperException.class).hasMessageContaining("cannot be NULL").hasMessageContaining("DELETE_ORPHAN");
    }

    @Entity(table = "dp_strict_teams")
    static class StrictTeam {
        @Id @Identity Long id;
        @OneToMany final RelatedList<StrictPlayer> players = RelatedList.of(this);

        StrictTeam() {}
    }

    @Entity(table = "dp_strict_players")
    static class StrictPlayer {
        @Id @Identity Long id;
        @Column(nullable = false) @ForeignKey(entity = StrictTeam.class) Long teamId;

        StrictPlayer() {}
    }
}
