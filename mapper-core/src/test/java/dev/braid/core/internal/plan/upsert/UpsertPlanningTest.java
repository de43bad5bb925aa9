package dev.braid.core.internal.plan.upsert;

import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.plan.upsert.UpsertModel.Account;
import dev.braid.core.internal.plan.upsert.UpsertModel.Label;
import dev.braid.core.internal.plan.upsert.UpsertModel.Note;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.dialect.Dialect;
import dev.braid.dialect.UpsertRows;
import dev.braid.dialect.Upserts;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Attribute;
import dev.braid.statement.Bind;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Upsert statements per dialect, the read-back of rows left alone, the objects' new state, and the checks. */
class UpsertPlanningTest {
    private final MappingRegistry registry = UpsertModel.registry();
    private final SqlRenderer pg = new SqlRenderer(Dialect.postgresql());
    private final SqlRenderer h2 = new SqlRenderer(Dialect.h2());

    private UpsertPlan plan(SqlRenderer renderer, List<?> objects, List<Attribute<?, ?>> conflict, String constraint,
                            boolean update, List<Attribute<?, ?>> updates, IdentityMap held) {
        return UpsertPlan.of(registry, renderer, new UpsertRequest(objects.get(0).getClass(), objects, conflict, constraint,
                update, updates), held);
    }

    private UpsertPlan labelsIfAbsent(SqlRenderer renderer, List<Label> labels, IdentityMap held) {
        return plan(renderer, labels, List.of(UpsertModel_Label_.name), null, false, null, held);
    }

    private static String message(ErrorCode code, Executable call) {
        try {
            call.execute();
        } catch (MapperException e) {
            assertThat(e.code()).isEqualTo(code);
            return e.getMessage();
        } catch (Throwable e) {
            throw new AssertionError("unexpected " + e, e);
        }
        throw new AssertionError("no error");
    }

    @Test
    void postgresInsertsOverArraysAndDoesNothingOnConflictReturningEveryColumn() {
        UpsertPlan plan = labelsIfAbsent(pg, List.of(new Label("a", "x"), new Label("b", null)), new IdentityMap());
        RenderedSql sql = plan.statement(plan.chunks().get(0));
        assertThat(sql.sql()).isEqualTo("INSERT INTO labels (name, note) SELECT * FROM unnest($1::text[], $2::text[])"
                + " ON CONFLICT (name) DO NOTHING RETURNING id, name, note");
        assertThat(sql.binds()).extracting(b -> java.util.Arrays.asList((Object[]) b.value())).containsExactly(List.of("a", "b"),
                java.util.Arrays.asList("x", null));
        assertThat(sql.origin()).isEqualTo(StatementOrigin.of(StatementOrigin.Kind.UPSERT, Label.class));
        assertThat(plan.rowTypes()).containsExactly(Long.class, String.class, String.class);
    }

    @Test
    void h2MergesAValuesListInsideFinalTableAndUpdatesWithTheVersionIncremented() {
        UpsertPlan plan = plan(h2, List.of(new Account("A", "a@x", 5)), List.of(), null, true, null, new IdentityMap());
        RenderedSql sql = plan.statement(plan.chunks().get(0));
        assertThat(sql.sql()).isEqualTo("SELECT code, email, balance, version FROM FINAL TABLE (MERGE INTO accounts"
                + " USING (VALUES ($1, $2, $3, $4)) AS braid_v (code, email, balance, version) ON accounts.code ="
                + " braid_v.code WHEN NOT MATCHED THEN INSERT (code, email, balance, version) VALUES (braid_v.code,"
                + " braid_v.email, braid_v.balance, braid_v.version) WHEN MATCHED THEN UPDATE SET email ="
                + " braid_v.email, balance = braid_v.balance, version = accounts.version + 1)");
        assertThat(sql.binds()).containsExactly(new Bind("A", String.class), new Bind("a@x", String.class),
                new Bind(5, Integer.class), new Bind(1L, Long.class)); // a new row's version is 1
    }

    @Test
    void aDeclaredConstraintNameIsKnownByItsColumnAndPostgresNamesIt() {
        UpsertPlan plan = plan(pg, List.of(new Account("A", "a@x", 5)), List.of(), "uq_accounts_email", true,
                List.of(UpsertModel_Account_.balance), new IdentityMap());
        assertThat(plan.target().conflict()).extracting(c -> c.attribute()).containsExactly("email");
        assertThat(plan.statement(plan.chunks().get(0)).sql()).endsWith(" ON CONFLICT ON CONSTRAINT uq_accounts_email"
                + " DO UPDATE SET balance = EXCLUDED.balance, version = accounts.version + 1 RETURNING code, email,"
                + " balance, version");
        UpsertPlan onH2 = plan(h2, List.of(new Account("A", "a@x", 5)), List.of(), "uq_accounts_email", false, null,
                new IdentityMap());
        assertThat(onH2.statement(onH2.chunks().get(0)).sql()).contains("ON accounts.email = braid_v.email");
    }

    @Test
    void anUndeclaredConstraintMatchesRowsByTheKeyOnPostgresAndIsRefusedByH2() {
        UpsertPlan plan = plan(pg, List.of(new Account("A", "a@x", 5)), List.of(), "other", false, null, new IdentityMap());
        assertThat(plan.target().match()).extracting(c -> c.attribute()).containsExactly("code");
        assertThat(plan.statement(plan.chunks().get(0)).sql()).contains(" ON CONFLICT ON CONSTRAINT other DO NOTHING");
        UpsertPlan onH2 = plan(h2, List.of(new Account("A", "a@x", 5)), List.of(), "other", false, null, new IdentityMap());
        assertThat(message(ErrorCode.BRAID_QUERY, () -> onH2.statement(onH2.chunks().get(0))))
                .contains("constraint other", "onConflict(");
    }

    @Test
    void rowsLeftAloneAreReadBackByTheirUniqueKeyOnly() {
        List<Label> labels = List.of(new Label("a", null), new Label("b", null), new Label("c", null));
        UpsertPlan plan = labelsIfAbsent(h2, labels, new IdentityMap());
        List<Object> chunk = plan.chunks().get(0);
        List<Object[]> inserted = List.<Object[]>of(new Object[]{7L, "b", null});
        RenderedSql missing = plan.missing(chunk, inserted);
        assertThat(missing.sql()).isEqualTo("SELECT id, name, note FROM labels WHERE name IN ($1, $2)");
        assertThat(missing.binds()).extracting(Bind::value).containsExactly("a", "c");
        List<Object[]> all = List.of(new Object[]{1L, "a", null}, new Object[]{7L, "b", null}, new Object[]{3L, "c", null});
        assertThat(plan.missing(chunk, all)).isNull();
        assertThat(labelsIfAbsent(pg, labels, new IdentityMap()).missing(chunk, inserted).sql())
                .isEqualTo("SELECT id, name, note FROM labels WHERE name = ANY($1)");
    }

    @Test
    void theObjectsTakeTheirRowsAndTheHeldObjectOfARowIsTheResultAndARollbackUndoesIt() {
        IdentityMap held = new IdentityMap();
        Label heldB = new Label("b", "held");
        heldB.id = 7L;
        held.loaded(registry.entity(Label.class), heldB, 7L, new Object[]{7L, "b", "held"});
        Label a = new Label("a", "mine");
        Label b = new Label("b", "mine");
        UpsertPlan plan = labelsIfAbsent(pg, List.of(a, b), held);
        Deque<Runnable> undo = new ArrayDeque<>();
        List<Object> result = UpsertResults.apply(plan.target(), plan.chunks().get(0), List.of(),
                List.of(new Object[]{1L, "a", "theirs"}, new Object[]{7L, "b", "held"}), held, undo);
        assertThat(result).containsExactly(a, heldB);
        assertThat(a.id).isEqualTo(1L);
        assertThat(a.note).isEqualTo("theirs"); // the existing row's values: the next flush writes nothing
        assertThat(held.contains(a)).isTrue();
        assertThat(held.stateOf(a).snapshot()).containsExactly(1L, "a", "theirs");
        assertThat(held.contains(b)).isFalse();
        new ArrayList<>(undo).forEach(Runnable::run);
        assertThat(held.contains(a)).isFalse();
        assertThat(a.id).isNull();
        assertThat(a.note).isEqualTo("mine");
    }

    @Test
    void aWrittenRowUpdatesTheHeldObjectAndItsSnapshot() {
        IdentityMap held = new IdentityMap();
        Account mine = new Account("A", "old@x", 1);
        mine.version = 1;
        held.loaded(registry.entity(Account.class), mine, "A", new Object[]{"A", "old@x", 1, 1L});
        UpsertPlan plan = plan(pg, List.of(new Account("A", "new@x", 2)), List.of(), null, true, null, new IdentityMap());
        Deque<Runnable> undo = new ArrayDeque<>();
        List<Object> result = UpsertResults.apply(plan.target(), plan.chunks().get(0),
                List.<Object[]>of(new Object[]{"A", "new@x", 2, 2L}), List.of(), held, undo);
        assertThat(result).containsExactly(mine);
        assertThat(List.of(mine.email, mine.balance, mine.version)).containsExactly("new@x", 2, 2L);
        assertThat(held.stateOf(mine).snapshot()).containsExactly("A", "new@x", 2, 2L);
        undo.forEach(Runnable::run);
        assertThat(List.of(mine.email, mine.balance, mine.version)).containsExactly("old@x", 1, 1L);
    }

    @Test
    void manyRowsGoInChunksOfTheDialectsSize() {
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) labels.add(new Label("l" + i, null));
        assertThat(labelsIfAbsent(h2, labels, new IdentityMap()).chunks()).extracting(List::size).containsExactly(1_000, 1_000, 500);
        assertThat(labelsIfAbsent(pg, labels, new IdentityMap()).chunks()).extracting(List::size).containsExactly(2_500);
    }

    @Test
    void badRequestsAreRefusedNamingTheAttributeAndTheFix() {
        IdentityMap none = new IdentityMap();
        assertThat(message(ErrorCode.BRAID_QUERY, () -> plan(pg, List.of(new Note()), List.of(), null, false, null, none)))
                .contains("Note has no other unique key", "@Column(unique = true)");
        assertThat(message(ErrorCode.BRAID_QUERY, () -> plan(pg, List.of(new Label("a", null)), List.of(), null, false, null, none)))
                .contains("generated by the database", "onConflict(Label_.name)");
        assertThat(message(ErrorCode.BRAID_QUERY, () -> plan(pg, List.of(new Label("a", null)),
                List.of(UpsertModel_Label_.note), null, false, null, none)))
                .contains("Label.note", "not a unique key of Label", "[id], [name]");
        assertThat(message(ErrorCode.BRAID_QUERY, () -> plan(pg, List.of(new Label("a", null)),
                List.of(UpsertModel_Label_.name), null, true, List.of(UpsertModel_Label_.name), none)))
                .contains("updates Label.name", "part of the key");
        assertThat(message(ErrorCode.BRAID_QUERY, () -> plan(pg, List.of(new Account("A", "e", 1)), List.of(), null, true,
                List.of(UpsertModel_Account_.version), none))).contains("the version column");
        Label withId = new Label("b", null);
        withId.id = 4L;
        assertThat(message(ErrorCode.BRAID_QUERY, () -> labelsIfAbsent(pg, List.of(new Label("a", null), withId), none)))
                .contains("mixes objects with and without id");
        assertThat(message(ErrorCode.BRAID_QUERY, () -> labelsIfAbsent(pg, List.of(new Label("a", null), new Label("a", null)), none)))
                .contains("two objects with [name] = [a]");
        assertThat(message(ErrorCode.BRAID_QUERY, () -> plan(pg, List.of(new UpsertModel.Code("c")), List.of(), null, true,
                null, none))).contains("Code with doUpdate()", "nothing to update", "doNothing()");
    }

    @Test
    void aDialectWithoutUpsertsRefusesThemNamingItself() {
        Upserts none = Upserts.unsupported("Acme");
        UpsertRows rows = new UpsertRows("labels", List.of("name"), List.of(), List.of("name"), null, List.of(), null, List.of());
        assertThat(message(ErrorCode.BRAID_QUERY, () -> none.upsert(rows, null))).contains("Acme dialect has no upserts");
    }
}
