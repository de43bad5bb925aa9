package dev.braid.reactive;

import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.graph.Company;
import dev.braid.reactive.graph.Company_;
import dev.braid.reactive.graph.Employee;
import dev.braid.reactive.graph.Employee_;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Item;
import dev.braid.reactive.graph.Novel;
import dev.braid.reactive.graph.Shelf;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Kennel;
import dev.braid.reactive.graph.Member;
import dev.braid.reactive.graph.Member_;
import dev.braid.reactive.graph.Message;
import dev.braid.reactive.graph.Post;
import dev.braid.reactive.graph.Team;
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
                .options(dev.braid.query.Loads.selectin(Member_.posts)).one().flatMap(s::delete)).blockLast(TIMEOUT);
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
        assertThat(rows("SELECT d.name, h.name, CASE WHEN h.department_id = d.id THEN 'yes' ELSE 'no' END"
                + " FROM departments d JOIN staff h ON h.id = d.head_id"))
                .containsExactly(List.of("sales", "ann", "yes"));
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

    private String deleteByParentKeys(String table, String column, int keys) {
        if (postgres()) return "DELETE FROM " + table + " WHERE " + column + " = ANY($1::bigint[])";
        StringBuilder in = new StringBuilder("DELETE FROM " + table + " WHERE " + column + " IN (");
        for (int i = 1; i <= keys; i++) in.append(i > 1 ? ", $" : "$").append(i);
        return in.append(')').toString();
    }

    private List<Company> companies(String... names) {
        List<Company> companies = new java.util.ArrayList<>();
        for (String name : names) {
            Company c = new Company(name);
            c.employees.addAll(List.of(new Employee(name + " one"), new Employee(name + " two")));
            companies.add(c);
        }
        mapper.inTransaction(s -> s.addAll(companies)).blockLast(TIMEOUT);
        recorder().clear();
        return companies;
    }

    @Test
    void aDeleteCascadeOverUnloadedChildrenDeletesThemByTheParentsKeysWithoutReadingThem() {
        companies("a", "b", "c");
        Employee[] held = new Employee[1];
        StepVerifier.create(mapper.inTransaction(s -> s.select(Employee.class).where(Employee_.name.eq("a one")).one()
                        .doOnNext(e -> held[0] = e)
                        .then(s.select(Company.class).where(Company_.name.in(List.of("a", "b"))).all().collectList())
                        .flatMapMany(reactor.core.publisher.Flux::fromIterable)
                        .concatMap(s::delete)
                        .then(s.flush())
                        .then(reactor.core.publisher.Mono.fromCallable(() -> s.contains(held[0])))))
                .expectNext(false) // the held employee's row went with its company: it left the session
                .verifyComplete();
        assertThat(recorder().statements()).hasSize(4).endsWith(
                deleteByParentKeys("employees", "company_id", 2),
                deleteRows("companies", 2).get(0));
        assertThat(rows("SELECT name FROM companies")).containsExactly(List.of("c"));
        assertThat(rows("SELECT name FROM employees ORDER BY id")).containsExactly(List.of("c one"), List.of("c two"));
    }

    @Test
    void aFailedDeleteByParentKeysLeavesTheDatabaseAndTheSessionAsTheyWere() {
        companies("a", "b");
        recorder().failNextMatching("DELETE FROM companies");
        Employee[] held = new Employee[1];
        Company[] company = new Company[1];
        StepVerifier.create(mapper.withSession(s -> s.select(Employee.class).where(Employee_.name.eq("a one")).one()
                        .doOnNext(e -> held[0] = e)
                        .then(s.select(Company.class).where(Company_.name.eq("a")).one())
                        .doOnNext(c -> company[0] = c)
                        .flatMap(c -> s.delete(c).then(s.flush()))
                        .onErrorResume(e -> reactor.core.publisher.Mono.empty())
                        .then(reactor.core.publisher.Mono.fromCallable(() -> List.of(s.contains(held[0]), s.contains(company[0]))))
                        // the delete is still pending after the failed flush: give it up
                        .flatMap(known -> s.rollback().thenReturn(known))))
                .expectNext(List.of(true, true))
                .verifyComplete();
        assertThat(recorder().statements()).contains(deleteByParentKeys("employees", "company_id", 1));
        assertThat(count("companies")).isEqualTo(2);
        assertThat(count("employees")).isEqualTo(4);
    }

    @Test
    void aWriteOnlyCollectionThatCascadesDeleteGoesByTheOwnersKey() {
        Shelf shelf = new Shelf("s");
        shelf.items.add(new Item("x"));
        shelf.items.add(new Item("y"));
        mapper.inTransactionMono(s -> s.add(shelf)).block(TIMEOUT);
        recorder().clear();
        mapper.inTransaction(s -> s.get(Shelf.class, shelf.id).flatMap(s::delete)).blockLast(TIMEOUT);
        assertThat(recorder().statements()).containsExactly(
                "SELECT shelves.id, shelves.name FROM shelves WHERE shelves.id = $1",
                deleteByParentKeys("items", "shelf_id", 1),
                "DELETE FROM shelves WHERE id = $1");
        assertThat(count("items")).isZero();
        assertThat(count("shelves")).isZero();
    }

    @Test
    void childrenWithWorkOfTheirOwnMustBeLoadedToCascade() {
        Writer w = new Writer("w");
        new Novel("n", w);
        mapper.inTransactionMono(s -> s.add(w)).block(TIMEOUT);
        recorder().clear();
        StepVerifier.create(mapper.inTransaction(s -> s.get(Writer.class, w.id).flatMap(s::delete)))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("Writer.books cascades DELETE but is not"
                        + " loaded, and each Novel needs work of its own when deleted (Novel.reviews must be cascaded or"
                        + " detached), so Braid must read them first"))
                .verify(TIMEOUT);
        assertThat(recorder().statements()).hasSize(1); // the get; nothing written
        assertThat(count("books")).isEqualTo(1);
    }

    @Test
    void longCollectionsWriteOnlyTheMembersThatChanged() {
        // Collections longer than a handful of members are compared through identity sets at flush; this
        // checks that the comparison still finds exactly the one orphan and the one link row per side.
        Member alice = new Member("alice");
        for (int i = 0; i < 20; i++) alice.posts.add(new Post("post " + i));
        for (int i = 0; i < 12; i++) alice.groups.add(new Team("team " + i));
        mapper.inTransactionMono(s -> s.add(alice)).block(TIMEOUT);
        recorder().clear();

        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Member.class).where(Member_.username.eq("alice"))
                        .options(dev.braid.query.Loads.selectin(Member_.posts),
                                dev.braid.query.Loads.selectin(Member_.groups)).one()
                        .doOnNext(a -> {
                            a.posts.remove(5);                 // an orphan: DELETE_ORPHAN deletes it
                            a.groups.remove(3);                // one link row less
                            a.groups.add(new Team("newcomer")); // a new team and one link row more
                        })
                        .map(a -> a.posts.size() * 100 + a.groups.size())))
                .expectNext(19 * 100 + 12)
                .verifyComplete();

        List<String> writes = recorder().statements().subList(3, recorder().statements().size());
        assertThat(writes).containsExactly(
                insertReturningId(groupsTable(), "name", "$1"),
                "DELETE FROM user_group_association WHERE user_id = $1 AND group_id = $2",
                "INSERT INTO user_group_association (user_id, group_id) VALUES ($1, $2)",
                "DELETE FROM posts WHERE id = $1");
        assertThat(rows("SELECT title FROM posts ORDER BY id")).hasSize(19).doesNotContain(List.of("post 5"));
        assertThat(rows("SELECT g.name FROM user_group_association l JOIN " + groupsTable() + " g ON g.id = l.group_id"
                + " ORDER BY g.id")).hasSize(12).doesNotContain(List.of("team 3")).contains(List.of("newcomer"));
        assertThat(count(groupsTable())).isEqualTo(13); // team 3 itself stays: only its link row went
    }
}
