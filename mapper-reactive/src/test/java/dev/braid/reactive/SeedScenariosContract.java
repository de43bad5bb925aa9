package dev.braid.reactive;

import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.graph.Company;
import dev.braid.reactive.graph.Company_;
import dev.braid.reactive.graph.Employee;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Member;
import dev.braid.reactive.graph.Member_;
import dev.braid.reactive.graph.Message;
import dev.braid.reactive.graph.Node;
import dev.braid.reactive.graph.Node_;
import dev.braid.reactive.graph.Passport;
import dev.braid.reactive.graph.Person;
import dev.braid.reactive.graph.Person_;
import dev.braid.reactive.graph.Post;
import dev.braid.reactive.graph.Team;
import dev.braid.reactive.graph.Team_;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenarios of seeds 000 and 001, plus self-reference, two foreign keys to one table and one-to-one. */
abstract class SeedScenariosContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return GraphModel.registry();
    }

    private void seedUsersAndGroups() {
        mapper.inTransaction(s -> s.addAll(List.of(new Member("alice"), new Member("bob"),
                new Team("admin"), new Team("staff")))).blockLast(TIMEOUT);
        recorder().clear();
    }

    @Test
    void seed000AddingAUserToAGroupInsertsOneLinkRowAndSyncsBothEnds() {
        seedUsersAndGroups();
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Member.class).where(Member_.username.eq("alice"))
                        .options(Loads.selectin(Member_.groups)).first()
                        .flatMap(alice -> s.select(Team.class).where(Team_.name.eq("admin"))
                                .options(Loads.selectin(Team_.users)).first().map(admin -> reactor.util.function.Tuples.of(alice, admin)))
                        .doOnNext(pair -> pair.getT1().groups.add(pair.getT2()))
                        .map(pair -> pair.getT2().users.contains(pair.getT1()))))
                .expectNext(true) // the other end, in memory
                .verifyComplete();
        assertThat(recorder().statements()).last().isEqualTo(
                "INSERT INTO user_group_association (user_id, group_id) VALUES ($1, $2)");
        assertThat(rows("SELECT u.username, g.name FROM user_group_association l JOIN users u ON u.id = l.user_id"
                + " JOIN " + groupsTable() + " g ON g.id = l.group_id")).containsExactly(List.of("alice", "admin"));
    }

    @Test
    void seed000ManyToManyLoadsBothWaysAndRemovingDeletesTheLinkRowOnly() {
        seedUsersAndGroups();
        mapper.inTransaction(s -> s.select(Member.class).options(Loads.selectin(Member_.groups)).all().collectList()
                .flatMap(members -> s.select(Team.class).all().collectList().map(teams -> reactor.util.function.Tuples.of(members, teams)))
                .doOnNext(p -> {
                    for (Member m : p.getT1()) m.groups.addAll(p.getT2());
                })).blockLast(TIMEOUT);
        assertThat(count("user_group_association")).isEqualTo(4);
        recorder().clear();

        StepVerifier.create(mapper.inTransaction(s -> s.select(Member.class).where(Member_.username.eq("alice"))
                        .options(Loads.selectin(Member_.groups)).one()
                        .doOnNext(alice -> alice.groups.removeIf(g -> g.name.equals("staff")))
                        .map(alice -> alice.groups.stream().map(g -> g.name).toList())))
                .expectNext(List.of("admin"))
                .verifyComplete();
        assertThat(recorder().statements()).last()
                .isEqualTo("DELETE FROM user_group_association WHERE user_id = $1 AND group_id = $2");
        assertThat(count("user_group_association")).isEqualTo(3);
        assertThat(count("groups".equals(groupsTable()) ? "groups" : groupsTable())).isEqualTo(2);
        String linkLoad = recorder().statements().get(1);
        String linkJoin = "JOIN " + groupsTable() + " ON " + groupsTable() + ".id = user_group_association.group_id";
        assertThat(linkLoad).isEqualTo("SELECT user_group_association.user_id, " + groupsTable() + ".id, "
                + groupsTable() + ".name FROM " + (postgres()
                ? "user_group_association " + linkJoin + " WHERE user_group_association.user_id = ANY($1)"
                : mariadb() ? "user_group_association " + linkJoin + " WHERE user_group_association.user_id IN ($1)"
                : "TABLE(k bigint = $1) braid_keys JOIN user_group_association ON user_group_association.user_id = braid_keys.k "
                + linkJoin));
    }

    @Test
    void seed000JoinsThroughTheLinkTable() {
        seedUsersAndGroups();
        mapper.inTransaction(s -> s.select(Member.class).options(Loads.selectin(Member_.groups)).all().collectList()
                .flatMap(members -> s.select(Team.class).orderBy(Team_.name.asc()).all().collectList()
                        .map(teams -> reactor.util.function.Tuples.of(members, teams)))
                .doOnNext(p -> {
                    p.getT1().stream().filter(m -> m.username.equals("alice")).forEach(m -> m.groups.addAll(p.getT2()));
                    p.getT1().stream().filter(m -> m.username.equals("bob")).forEach(m -> m.groups.add(p.getT2().get(1)));
                })).blockLast(TIMEOUT);
        recorder().clear();
        // groups_for_alice = session.query(Group).join(...).join(User).filter(User.username == 'alice')
        assertThat(mapper.withSession(s -> s.select(Team.class).join(Team_.users).where(Member_.username.eq("alice"))
                .orderBy(Team_.name.asc()).all()).map(t -> t.name).collectList().block(TIMEOUT))
                .containsExactly("admin", "staff");
        assertThat(recorder().statements().get(0)).isEqualTo("SELECT " + groupsTable() + ".id, " + groupsTable()
                + ".name FROM " + groupsTable() + " WHERE EXISTS (SELECT 1 FROM user_group_association"
                + " JOIN users ON users.id = user_group_association.user_id WHERE user_group_association.group_id = "
                + groupsTable() + ".id AND users.username = $1) ORDER BY " + groupsTable() + ".name");
        // members_of_admin
        assertThat(mapper.withSession(s -> s.select(Member.class).join(Member_.groups).where(Team_.name.eq("staff"))
                .orderBy(Member_.username.asc()).all()).map(m -> m.username).collectList().block(TIMEOUT))
                .containsExactly("alice", "bob");
        assertThat(mapper.withSession(s -> s.select(Member.class).where(Member_.groups.any(Team_.name.eq("admin")))
                .all()).map(m -> m.username).collectList().block(TIMEOUT)).containsExactly("alice");
    }

    @Test
    void seed000DeletingAUserDeletesItsPostsAndLinkRows() {
        seedUsersAndGroups();
        mapper.inTransaction(s -> s.select(Member.class).where(Member_.username.eq("alice"))
                .options(Loads.selectin(Member_.groups), Loads.selectin(Member_.posts)).one()
                .flatMap(members -> s.select(Team.class).all().collectList().map(teams -> reactor.util.function.Tuples.of(members, teams)))
                .doOnNext(p -> {
                    p.getT1().groups.addAll(p.getT2());
                    p.getT1().posts.add(new Post("hello"));
                })).blockLast(TIMEOUT);
        recorder().clear();
        mapper.inTransaction(s -> s.select(Member.class).where(Member_.username.eq("alice"))
                .options(Loads.selectin(Member_.posts)).one().flatMap(s::delete)).blockLast(TIMEOUT);
        assertThat(recorder().statements()).containsSubsequence(
                "DELETE FROM user_group_association WHERE user_id = $1",
                "DELETE FROM posts WHERE id = $1",
                "DELETE FROM users WHERE id = $1");
        assertThat(count("posts")).isZero();
        assertThat(count("user_group_association")).isZero();
        assertThat(rows("SELECT username FROM users")).containsExactly(List.of("bob"));
    }

    @Test
    void seed001ReplacingTheCollectionDeletesTheOrphans() {
        Company acme = new Company("Acme");
        acme.employees.addAll(List.of(new Employee("Magnus"), new Employee("John")));
        mapper.inTransactionMono(s -> s.add(acme)).block(TIMEOUT);
        assertThat(rows("SELECT name, company_id FROM employees ORDER BY id"))
                .containsExactly(List.of("Magnus", acme.id), List.of("John", acme.id));
        recorder().clear();

        // company.employees = []  (cascade all, delete-orphan)
        mapper.inTransaction(s -> s.select(Company.class).options(Loads.selectin(Company_.employees)).one()
                .doOnNext(c -> c.employees.setAll(List.of()))).blockLast(TIMEOUT);
        assertThat(recorder().statements()).endsWith(deleteRows("employees", 2).toArray(String[]::new));
        assertThat(count("employees")).isZero();
        assertThat(count("companies")).isEqualTo(1);
    }

    @Test
    void seed001AChildAddedByForeignKeyAppearsInTheLoadedParentAfterTheFlush() {
        Company acme = new Company("Acme");
        acme.employees.addAll(List.of(new Employee("Magnus"), new Employee("John")));
        mapper.inTransactionMono(s -> s.add(acme)).block(TIMEOUT);
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Company.class)
                        .options(Loads.selectin(Company_.employees)).one()
                        .flatMap(company -> s.add(new Employee("Lisa", company.id))
                                // the stale-collection gotcha: Lisa is not in the loaded collection yet...
                                .then(Mono.fromCallable(() -> company.employees.size()))
                                .flatMap(before -> s.flush().then(Mono.fromCallable(() -> List.of(before, company.employees.size()))))
                                .map(sizes -> List.of(sizes.get(0), sizes.get(1),
                                        company.employees.stream().map(e -> e.name).toList())))))
                .expectNext(List.of(2, 3, List.of("Magnus", "John", "Lisa"))) // ...and is once the session flushed
                .verifyComplete();
    }

    @Test
    void manyChildrenAddedByForeignKeyJoinALongLoadedCollectionOnceAndTheNextFlushHasNothingToDo() {
        Company acme = new Company("Acme");
        for (int i = 0; i < 12; i++) acme.employees.add(new Employee("old " + i));
        mapper.inTransactionMono(s -> s.add(acme)).block(TIMEOUT);
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Company.class)
                        .options(Loads.selectin(Company_.employees)).one()
                        .flatMap(company -> {
                            List<Employee> hires = new java.util.ArrayList<>();
                            for (int i = 0; i < 10; i++) hires.add(new Employee("new " + i, company.id));
                            return s.addAll(hires).then(s.flush())
                                    .then(Mono.fromRunnable(() -> recorder().clear()))
                                    .then(s.flush()) // the snapshot took the new members: nothing to write
                                    .then(Mono.fromCallable(() -> company.employees.stream().map(e -> e.name).toList()));
                        })))
                .assertNext(names -> {
                    assertThat(names).hasSize(22).doesNotHaveDuplicates();
                    assertThat(names.subList(0, 12)).allMatch(n -> n.startsWith("old "));
                    assertThat(names.subList(12, 22)).allMatch(n -> n.startsWith("new "));
                })
                .verifyComplete();
        assertThat(recorder().statements()).isEmpty();
        assertThat(count("employees")).isEqualTo(22);
    }

    @Test
    void selfReferenceLoadsChildrenLevelByLevelAndACycleCannotLoopForever() {
        Node root = new Node("root");
        Node a = new Node("a");
        Node b = new Node("b");
        Node a1 = new Node("a1");
        root.children.addAll(List.of(a, b));
        a.children.add(a1);
        mapper.inTransactionMono(s -> s.add(root)).block(TIMEOUT);
        // Children are inserted after their parent even though they share its table.
        assertThat(rows("SELECT n.name, p.name FROM nodes n LEFT JOIN nodes p ON p.id = n.parent_id ORDER BY n.id"))
                .containsExactly(java.util.Arrays.asList("root", null), List.of("a", "root"), List.of("b", "root"),
                        List.of("a1", "a"));
        recorder().clear();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Node.class).where(Node_.name.eq("root"))
                        .options(Loads.selectin(Node_.children, Node_.children)).one()))
                .assertNext(r -> {
                    assertThat(r.children).extracting(n -> n.name).containsExactly("a", "b");
                    assertThat(r.children.get(0).children).extracting(n -> n.name).containsExactly("a1");
                    assertThat(r.children.get(0).parent.get()).isSameAs(r);
                    assertThat(r.children.get(0).children.get(0).children.isLoaded()).isFalse();
                })
                .verifyComplete();
        assertThat(recorder().statements()).hasSize(3);

        // Make a cycle: root becomes a child of a1 (root is its own ancestor), then walk it.
        execute("UPDATE nodes SET parent_id = (SELECT id FROM nodes WHERE name = 'a1') WHERE name = 'root'");
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Node.class).where(Node_.name.eq("a1"))
                        .options(Loads.selectin(Node_.parent, Node_.parent, Node_.parent, Node_.parent)).one()))
                .assertNext(n -> assertThat(n.parent.get().parent.get().parent.get()).isSameAs(n)) // a1 -> a -> root -> a1
                .verifyComplete();
    }

    @Test
    void twoForeignKeysToOneTableAreToldApart() {
        Member alice = new Member("alice");
        Member bob = new Member("bob");
        Message hi = new Message("hi", alice, bob);
        assertThat(alice.sent).containsExactly(hi);
        assertThat(bob.received).containsExactly(hi);
        mapper.inTransactionMono(s -> s.add(hi)).block(TIMEOUT);
        assertThat(rows("SELECT s.username, r.username FROM messages m JOIN users s ON s.id = m.sender_id"
                + " JOIN users r ON r.id = m.recipient_id")).containsExactly(List.of("alice", "bob"));
        StepVerifier.create(mapper.withSession(s -> s.select(Member.class).orderBy(Member_.username.asc())
                        .options(Loads.selectin(Member_.sent), Loads.selectin(Member_.received)).all())
                        .map(m -> m.username + ":" + m.sent.size() + "/" + m.received.size()))
                .expectNext("alice:1/0", "bob:0/1")
                .verifyComplete();
    }

    @Test
    void oneToOneKeepsBothSidesAndWritesTheForeignKey() {
        Person ann = new Person("Ann");
        Passport passport = new Passport("X123");
        ann.passport.set(passport);
        assertThat(passport.holder.get()).isSameAs(ann);
        mapper.inTransactionMono(s -> s.add(ann)).block(TIMEOUT);
        assertThat(rows("SELECT p.number, h.name FROM passports p JOIN people h ON h.id = p.person_id"))
                .containsExactly(List.of("X123", "Ann"));
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Person.class).options(Loads.selectin(Person_.passport)).one()))
                .assertNext(p -> {
                    assertThat(p.passport.get().number).isEqualTo("X123");
                    assertThat(p.passport.get().holder.get()).isSameAs(p);
                })
                .verifyComplete();
    }

    @Test
    void nullForeignKeysLoadAsNullReferences() {
        mapper.inTransactionMono(s -> s.add(new Node("orphan"))).block(TIMEOUT);
        recorder().clear();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Node.class).options(Loads.selectin(Node_.parent)).one()))
                .assertNext(n -> {
                    assertThat(n.parent.isLoaded()).isTrue();
                    assertThat(n.parent.get()).isNull();
                })
                .verifyComplete();
        assertThat(recorder().statements()).hasSize(1); // no key, no query
    }
}
