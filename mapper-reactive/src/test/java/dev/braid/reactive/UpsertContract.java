package dev.braid.reactive;

import dev.braid.error.DatabaseException;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.conduit.Article;
import dev.braid.reactive.conduit.Comment;
import dev.braid.reactive.conduit.Folder;
import dev.braid.reactive.conduit.Tag;
import dev.braid.reactive.conduit.Tag_;
import dev.braid.reactive.conduit.User;
import dev.braid.reactive.model.Account;
import dev.braid.reactive.model.Account_;
import dev.braid.statement.RenderedSql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code session.upsert(..)}/{@code upsertAll(..)}: insert-or-ignore and insert-or-update in one statement per
 * chunk (PostgreSQL {@code INSERT ... ON CONFLICT ... RETURNING}, H2 {@code MERGE} in {@code FINAL TABLE}),
 * the rows a do-nothing left alone read back by their unique key, keys, versions and the identity map right,
 * bad input refused before anything is sent, and concurrent upserts of one row all succeeding.
 */
abstract class UpsertContract extends MapperTestBase {
    Tag seededJava;

    @Override
    protected MappingRegistry registry() {
        return MappingRegistry.builder().entity(User.class, Article.class, Tag.class, Comment.class, Folder.class,
                Account.class).build();
    }

    @BeforeEach
    void seed() {
        seededJava = new Tag("java");
        mapper.inTransaction(s -> s.addAll(List.of(seededJava, new Tag("food"),
                new Account("A-1", "a1@example.com", new BigDecimal("10.00"))))).blockLast(TIMEOUT);
        recorder().clear();
    }

    /** The upsert of tags by name that do nothing on conflict, as each database gets it. */
    String tagsIfAbsent(int rows) {
        if (postgres()) {
            return "INSERT INTO tags (name) SELECT * FROM unnest($1::text[]) ON CONFLICT (name) DO NOTHING RETURNING id, name";
        }
        if (mariadb()) return "INSERT IGNORE INTO tags (name) " + values(rows, 1) + " RETURNING id, name";
        return "SELECT id, name FROM FINAL TABLE (MERGE INTO tags USING (" + values(rows, 1) + ") AS braid_v (name)"
                + " ON tags.name = braid_v.name WHEN NOT MATCHED THEN INSERT (name) VALUES (braid_v.name))";
    }

    /** The SELECT of tags a do-nothing left alone. */
    String tagsByName(int rows) {
        return postgres() ? "SELECT id, name FROM tags WHERE name = ANY($1)"
                : "SELECT id, name FROM tags WHERE name IN (" + markers(1, rows) + ")";
    }

    static String values(int rows, int width) {
        StringBuilder out = new StringBuilder("VALUES ");
        for (int r = 0; r < rows; r++) out.append(r > 0 ? ", (" : "(").append(markers(r * width + 1, width)).append(')');
        return out.toString();
    }

    static String markers(int first, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) out.append(i > 0 ? ", $" : "$").append(first + i);
        return out.toString();
    }

    static Consumer<Throwable> error(ErrorCode code, String... parts) {
        return e -> {
            assertThat(e).isInstanceOf(MapperException.class);
            assertThat(((MapperException) e).code()).isEqualTo(code);
            for (String part : parts) assertThat(e.getMessage()).contains(part);
        };
    }

    long tagId(String name) {
        return ((Number) value("SELECT id FROM tags WHERE name = '" + name + "'")).longValue();
    }

    @Test
    void insertIfAbsentOfANewTagInsertsItWithOneStatementAndTheObjectJoinsTheSession() {
        Tag kotlin = new Tag("kotlin");
        StepVerifier.create(mapper.inTransactionMono(s -> s.upsert(kotlin).onConflict(Tag_.name).doNothing().execute()
                        .map(tag -> List.of(tag == kotlin, s.contains(kotlin), tag.id != null))))
                .expectNext(List.of(true, true, true))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(tagsIfAbsent(1));
        assertThat(kotlin.id).isEqualTo(tagId("kotlin"));
        assertThat(count("tags")).isEqualTo(3);
    }

    @Test
    void insertIfAbsentOfAnExistingTagLeavesTheRowAndGivesTheObjectItsKey() {
        Tag java = new Tag("java");
        StepVerifier.create(mapper.inTransactionMono(s -> s.upsert(java).onConflict(Tag_.name).doNothing().execute()
                        .flatMap(tag -> s.get(Tag.class, tag.id).map(got -> List.of(tag == java, got == java)))))
                .expectNext(List.of(true, true))
                .verifyComplete();
        // The upsert, then the SELECT of the row it left alone; get() finds the object without SQL, nothing is flushed.
        assertThat(recorder().statements()).containsExactly(tagsIfAbsent(1), tagsByName(1));
        assertThat(java.id).isEqualTo(seededJava.id);
        assertThat(count("tags")).isEqualTo(2);
    }

    @Test
    void theObjectTheSessionHoldsForTheRowIsTheResult() {
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Tag.class).where(Tag_.name.eq("java")).one()
                        .flatMap(held -> s.upsert(new Tag("java")).onConflict(Tag_.name).doNothing().execute()
                                .map(tag -> tag == held))))
                .expectNext(true)
                .verifyComplete();
        assertThat(recorder().statements()).hasSize(postgres() ? 4 : 4); // SELECT, its selectin load, upsert, SELECT
        assertThat(recorder().statements().subList(2, 4)).containsExactly(tagsIfAbsent(1), tagsByName(1));
    }

    @Test
    void upsertAllOfExistingAndNewTagsKeepsTheOrderAndSendsTwoStatements() {
        List<Tag> tags = List.of(new Tag("java"), new Tag("kotlin"), new Tag("food"), new Tag("scala"));
        StepVerifier.create(mapper.inTransactionMono(s -> s.upsertAll(Tag.class, tags).onConflict(Tag_.name).doNothing()
                        .execute()))
                .assertNext(result -> assertThat(result).containsExactlyElementsOf(tags))
                .verifyComplete();
        for (Tag t : tags) assertThat(t.id).isEqualTo(tagId(t.name));
        assertThat(tags.get(0).id).isEqualTo(seededJava.id);
        assertThat(recorder().statements()).containsExactly(tagsIfAbsent(4), tagsByName(2));
        assertThat(count("tags")).isEqualTo(4);
    }

    @Test
    void doUpdateUpdatesExistingRowsIncrementingTheVersionAndInsertsNewOnes() {
        Account a1 = new Account("A-1", "new@example.com", new BigDecimal("99.50"));
        Account a2 = new Account("A-2", "a2@example.com", new BigDecimal("5.00"));
        StepVerifier.create(mapper.inTransactionMono(s -> s.upsertAll(Account.class, List.of(a1, a2)).doUpdate().execute()))
                .assertNext(result -> assertThat(result).containsExactly(a1, a2))
                .verifyComplete();
        assertThat(a1.getVersion()).isEqualTo(2);
        assertThat(a2.getVersion()).isEqualTo(1);
        String sql = postgres()
                ? "INSERT INTO accounts (code, email, balance, version) SELECT * FROM unnest($1::text[], $2::text[],"
                + " $3::numeric[], $4::bigint[]) ON CONFLICT (code) DO UPDATE SET email = EXCLUDED.email, balance ="
                + " EXCLUDED.balance, version = accounts.version + 1 RETURNING code, email, balance, version"
                : mariadb()
                ? "INSERT INTO accounts (code, email, balance, version) " + values(2, 4) + " ON DUPLICATE KEY UPDATE"
                + " email = VALUES(email), balance = VALUES(balance), version = version + 1 RETURNING code, email, balance, version"
                : "SELECT code, email, balance, version FROM FINAL TABLE (MERGE INTO accounts USING (" + values(2, 4)
                + ") AS braid_v (code, email, balance, version) ON accounts.code = braid_v.code WHEN NOT MATCHED THEN"
                + " INSERT (code, email, balance, version) VALUES (braid_v.code, braid_v.email, braid_v.balance,"
                + " braid_v.version) WHEN MATCHED THEN UPDATE SET email = braid_v.email, balance = braid_v.balance,"
                + " version = accounts.version + 1)";
        assertThat(recorder().statements()).containsExactly(sql);
        assertThat(rows("SELECT code, email, balance, version FROM accounts ORDER BY code")).satisfiesExactly(
                r -> assertThat(r).containsExactly("A-1", "new@example.com", new BigDecimal("99.50"), 2L),
                r -> assertThat(r).containsExactly("A-2", "a2@example.com", new BigDecimal("5.00"), 1L));
    }

    @Test
    void doUpdateOfSomeAttributesOnAUniqueColumnLeavesTheOthers() {
        Account a1 = new Account("A-9", "a1@example.com", new BigDecimal("1.00"));
        StepVerifier.create(mapper.inTransactionMono(s -> s.upsert(a1).onConflict(Account_.email)
                        .doUpdate(Account_.balance).execute()))
                .expectNext(a1)
                .verifyComplete();
        // The row kept its key; the object takes the row's values.
        assertThat(a1.getCode()).isEqualTo("A-1");
        assertThat(a1.getVersion()).isEqualTo(2);
        assertThat(recorder().statements().get(0)).contains(postgres()
                ? "ON CONFLICT (email) DO UPDATE SET balance = EXCLUDED.balance, version = accounts.version + 1"
                : mariadb() ? "ON DUPLICATE KEY UPDATE balance = VALUES(balance), version = version + 1"
                : "ON accounts.email = braid_v.email WHEN NOT MATCHED");
        assertThat(rows("SELECT code, balance, version FROM accounts")).singleElement()
                .satisfies(r -> assertThat(r).containsExactly("A-1", new BigDecimal("1.00"), 2L));
    }

    @Test
    void aHeldObjectTakesTheUpdatedValuesAndNoUpdateFollows() {
        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Account.class, "A-1")
                        .flatMap(held -> s.upsert(new Account("A-1", "x@example.com", new BigDecimal("7.00"))).doUpdate()
                                .execute().map(result -> List.of(result == held, held.getEmail(), held.getVersion())))))
                .expectNext(List.of(true, "x@example.com", 2L))
                .verifyComplete();
        assertThat(recorder().statements()).hasSize(2); // the SELECT and the upsert: nothing flushed at the end
        assertThat(value("SELECT version FROM accounts")).isEqualTo(2L);
    }

    @Test
    void aNamedConstraintIsTheConflictTarget() {
        Tag java = new Tag("java");
        StepVerifier.create(mapper.inTransactionMono(s -> s.upsert(java).onConstraint("uq_tags_name").doNothing().execute()))
                .expectNext(java)
                .verifyComplete();
        assertThat(recorder().statements().get(0)).isEqualTo(postgres()
                ? "INSERT INTO tags (name) SELECT * FROM unnest($1::text[]) ON CONFLICT ON CONSTRAINT uq_tags_name"
                + " DO NOTHING RETURNING id, name"
                : tagsIfAbsent(1));
        assertThat(java.id).isEqualTo(seededJava.id);
    }

    @Test
    void anUnknownConstraintIsTheDatabasesErrorOnPostgresAndRefusedOnH2() {
        StepVerifier.create(mapper.inTransactionMono(s -> s.upsert(new Account("A-1", "a@b.c", BigDecimal.ONE))
                        .onConstraint("no_such_constraint").doNothing().execute()))
                .expectErrorSatisfies(e -> {
                    if (postgres()) {
                        assertThat(e).isInstanceOf(DatabaseException.class).hasMessageContaining("no_such_constraint");
                        assertThat(((DatabaseException) e).sqlState()).isEqualTo("42704");
                    } else {
                        error(ErrorCode.BRAID_QUERY, "no_such_constraint", "onConflict").accept(e);
                    }
                })
                .verify();
        assertThat(recorder().statements()).hasSize(postgres() ? 1 : 0);
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() {
        List<Mono<?>> bad = List.of(
                mapper.inTransactionMono(s -> s.upsert(new Tag("x")).doNothing().execute()),
                mapper.inTransactionMono(s -> s.upsert(new Account("A-5", "e", BigDecimal.ONE)).onConflict(Account_.balance).execute()),
                mapper.inTransactionMono(s -> s.upsert(new Account("A-5", "e", BigDecimal.ONE)).onConflict(Account_.email)
                        .doUpdate(Account_.email).execute()),
                mapper.inTransactionMono(s -> s.upsert(new Account("A-5", "e", BigDecimal.ONE)).doUpdate(Account_.version).execute()),
                mapper.inTransactionMono(s -> s.upsertAll(Tag.class, List.of(new Tag("x"), new Tag("x"))).onConflict(Tag_.name).execute()),
                mapper.inTransactionMono(s -> s.upsert(new Tag(null)).onConflict(Tag_.name).execute()));
        List<String> messages = List.of("onConflict(Tag_.name)", "not a unique key of Account", "part of the key",
                "the version column", "two objects with [name] = [x]", "has no value for [name]");
        for (int i = 0; i < bad.size(); i++) {
            StepVerifier.create(bad.get(i)).expectErrorSatisfies(error(ErrorCode.BRAID_QUERY, messages.get(i))).verify();
        }
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Tag.class).where(Tag_.name.eq("java")).one()
                        .flatMap(held -> s.upsert(held).onConflict(Tag_.name).execute())))
                .expectErrorSatisfies(error(ErrorCode.BRAID_ENTITY_STATE, "already in this session"))
                .verify();
        assertThat(recorder().statements()).hasSize(2); // only the SELECT and its selectin load of the last one
    }

    @Test
    void aRollbackTakesTheObjectsOutOfTheSessionAgain() {
        Tag kotlin = new Tag("kotlin");
        StepVerifier.create(mapper.inTransactionMono(s -> s.upsert(kotlin).onConflict(Tag_.name).execute()
                        .then(s.rollback()).then(Mono.fromSupplier(() -> List.of(s.contains(kotlin), kotlin.id == null)))))
                .expectNext(List.of(false, true))
                .verifyComplete();
        assertThat(count("tags")).isEqualTo(2);
    }

    @Test
    void sqlShowsTheStatementWithoutAConnection() {
        List<RenderedSql> sql = mapper.withSession(s -> Mono.just(s.upsertAll(Tag.class, List.of(new Tag("a"), new Tag("b")))
                .onConflict(Tag_.name).doNothing().sql())).blockLast(TIMEOUT);
        assertThat(sql).extracting(RenderedSql::sql).containsExactly(sql(tagsIfAbsent(2)));
        assertThat(recorder().statements()).isEmpty();
    }

    @Test
    void sixteenConcurrentUpsertsOfOneTagAllSucceedWithOneRow() {
        List<Long> ids = Flux.range(0, 16)
                .flatMap(i -> mapper.inTransactionMono(s -> s.upsert(new Tag("reactive")).onConflict(Tag_.name).doNothing()
                        .execute().map(t -> t.id)))
                .collectList().block(TIMEOUT);
        assertThat(ids).hasSize(16).containsOnly(tagId("reactive"));
        assertThat(count("tags")).isEqualTo(3);
    }
}
