package dev.braid.reactive;

import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.assoc.Group;
import dev.braid.reactive.assoc.Group_;
import dev.braid.reactive.assoc.User;
import dev.braid.reactive.assoc.UserGroup;
import dev.braid.reactive.assoc.UserGroup_;
import dev.braid.reactive.assoc.User_;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 000's association object: UserGroup with joined_on, navigable from both ends. */
abstract class AssociationObjectContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return MappingRegistry.builder().entity(User.class, Group.class, UserGroup.class).build();
    }

    @Test
    void addingAnAssociationObjectAndListingGroupsWithJoinDates() {
        mapper.inTransaction(s -> s.addAll(List.of(new User("alice"), new Group("admin"), new Group("staff"))))
                .blockLast(TIMEOUT);
        // association = UserGroup(user=alice, group=admin_group); session.add(association); session.commit()
        mapper.inTransaction(s -> s.select(User.class).where(User_.username.eq("alice")).one()
                .flatMap(alice -> s.select(Group.class).where(Group_.name.eq("admin")).one()
                        .flatMap(admin -> s.add(new UserGroup(alice, admin))))).blockLast(TIMEOUT);
        assertThat(rows("SELECT user_id, group_id FROM user_group_association")).hasSize(1);
        assertThat(value("SELECT joined_on FROM user_group_association")).isNotNull();
        recorder().clear();

        // for assoc in alice.user_groups: print(assoc.group.name, assoc.joined_on)
        StepVerifier.create(mapper.withSession(s -> s.select(User.class).where(User_.username.eq("alice"))
                        .options(Loads.selectin(User_.userGroups, UserGroup_.group)).one()
                        .flatMapIterable(alice -> alice.userGroups)
                        .map(ug -> ug.group.get().name + " since " + (ug.joinedOn != null))))
                .expectNext("admin since true")
                .verifyComplete();
        assertThat(recorder().statements()).hasSize(3);

        // from the other end: the members of admin
        StepVerifier.create(mapper.withSession(s -> s.select(Group.class).where(Group_.name.eq("admin"))
                        .options(Loads.selectin(Group_.userGroups, UserGroup_.user)).one()
                        .flatMapIterable(g -> g.userGroups)
                        .map(ug -> ug.user.get().username)))
                .expectNext("alice")
                .verifyComplete();
    }

    @Test
    void compositeKeyedAssociationRowsAreUpdatedAndDeletedByBothKeys() {
        User alice = new User("alice");
        Group admin = new Group("admin");
        UserGroup link = new UserGroup(alice, admin);
        mapper.inTransactionMono(s -> s.add(link)).block(TIMEOUT);
        assertThat(alice.userGroups).containsExactly(link);
        recorder().clear();
        mapper.inTransaction(s -> s.get(UserGroup.class, List.of(alice.id, admin.id))
                .doOnNext(ug -> ug.joinedOn = ug.joinedOn.minusDays(1))).blockLast(TIMEOUT);
        assertThat(recorder().statements()).last()
                .isEqualTo("UPDATE user_group_association SET joined_on = $1 WHERE user_id = $2 AND group_id = $3");
        mapper.inTransaction(s -> s.get(UserGroup.class, List.of(alice.id, admin.id)).flatMap(s::delete)).blockLast(TIMEOUT);
        assertThat(recorder().statements()).last()
                .isEqualTo("DELETE FROM user_group_association WHERE user_id = $1 AND group_id = $2");
        assertThat(count("user_group_association")).isZero();
    }
}
