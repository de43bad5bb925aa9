package dev.braid.reactive;

import dev.braid.core.error.MapperException;
import dev.braid.core.meta.MappingRegistry;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Kennel;
import dev.braid.reactive.graph.Member;
import dev.braid.reactive.graph.Member_;
import dev.braid.reactive.graph.Message;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What deleting a parent does to children that were not loaded, per SQLAlchemy's rules. */
abstract class UnitOfWorkContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return GraphModel.registry();
    }

    @Test
    void deletingAParentWithoutDeleteCascadeSetsTheChildrensKeysToNull() {
        Member alice = new Member("alice");
        Member bob = new Member("bob");
        mapper.inTransactionMono(s -> s.add(new Message("hi", alice, bob))).block(TIMEOUT);
        recorder().clear();
        // alice's messages are not loaded; Member.sent has no DELETE cascade
        mapper.inTransaction(s -> s.select(Member.class).where(Member_.username.eq("alice"))
                .options(dev.braid.core.query.Loads.selectin(Member_.posts)).one().flatMap(s::delete)).blockLast(TIMEOUT);
        assertThat(recorder().statements()).endsWith(
                "DELETE FROM user_group_association WHERE user_id = $1",
                "UPDATE messages SET sender_id = $1 WHERE sender_id = $2",
                "UPDATE messages SET recipient_id = $1 WHERE recipient_id = $2",
                "DELETE FROM users WHERE id = $1");
        assertThat(rows("SELECT body, sender_id FROM messages")).containsExactly(Arrays.asList("hi", null));
    }

    @Test
    void aNotNullChildKeyWithoutCascadeFailsBeforeSendingAnything() {
        Kennel.Home home = new Kennel.Home("h");
        mapper.inTransactionMono(s -> s.add(home)).block(TIMEOUT);
        mapper.inTransactionMono(s -> s.add(new Kennel.Dog("rex", home.id))).block(TIMEOUT);
        recorder().clear();
        StepVerifier.create(mapper.inTransaction(s -> s.get(Kennel.Home.class, home.id).flatMap(s::delete)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MapperException.class)
                        .hasMessageContaining("Cannot delete Home[" + home.id + "]: its Dog rows would keep Dog.homeId,"
                                + " which cannot be NULL, and Home.dogs does not cascade DELETE")
                        .hasMessageContaining("Fix: add Cascade.DELETE to Home.dogs"))
                .verify(TIMEOUT);
        assertThat(recorder().statements()).containsExactly(
                "SELECT kennels.id, kennels.name FROM kennels WHERE kennels.id = $1"); // nothing written
        assertThat(count("kennels")).isEqualTo(1);
        assertThat(count("dogs")).isEqualTo(1);
    }

    @Test
    void mutualForeignKeysAreBrokenWithAPostUpdate() {
        dev.braid.reactive.graph.Cycle.Department sales = new dev.braid.reactive.graph.Cycle.Department("sales");
        dev.braid.reactive.graph.Cycle.Staff ann = new dev.braid.reactive.graph.Cycle.Staff("ann");
        sales.head.set(ann);
        ann.department.set(sales);
        mapper.inTransactionMono(s -> s.add(sales)).block(TIMEOUT);
        assertThat(recorder().statements()).hasSize(3);
        assertThat(recorder().statements().get(2)).isEqualTo("UPDATE staff SET department_id = $1 WHERE id = $2");
        assertThat(rows("SELECT d.name, h.name, h.department_id = d.id FROM departments d JOIN staff h ON h.id = d.head_id"))
                .containsExactly(List.of("sales", "ann", true));
        // the schema of a cycle: the closing foreign key is added after both tables exist, and dropAll works
        assertThat(mapper.schema().createStatements()).anySatisfy(sql -> assertThat(sql).startsWith("ALTER TABLE"));
        mapper.schema().dropAll().then(mapper.schema().createMissing()).then(mapper.schema().createMissing()).block(TIMEOUT);
    }

    @Test
    void passiveDeletesLeaveUnloadedChildrenToTheDatabase() {
        assertThat(mapper.schema().createStatements()).anySatisfy(sql -> assertThat(sql).contains(
                "CONSTRAINT fk_cows_farm_id FOREIGN KEY (farm_id) REFERENCES farms (id) ON DELETE CASCADE"));
        Kennel.Farm farm = new Kennel.Farm("f");
        mapper.inTransactionMono(s -> s.add(farm)).block(TIMEOUT);
        mapper.inTransaction(s -> s.addAll(List.of(new Kennel.Cow("a", farm.id), new Kennel.Cow("b", farm.id))))
                .blockLast(TIMEOUT);
        recorder().clear();
        mapper.inTransaction(s -> s.get(Kennel.Farm.class, farm.id).flatMap(s::delete)).blockLast(TIMEOUT);
        assertThat(recorder().statements()).containsExactly(
                "SELECT farms.id, farms.name FROM farms WHERE farms.id = $1",
                "DELETE FROM farms WHERE id = $1");
        assertThat(count("cows")).isZero();
    }
}
