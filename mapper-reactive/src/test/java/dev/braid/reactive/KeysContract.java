package dev.braid.reactive;

import dev.braid.reactive.keys.Invoice;
import dev.braid.reactive.keys.InvoiceLine;
import dev.braid.reactive.keys.KeyModels;
import dev.braid.reactive.keys.Ticket;
import dev.braid.reactive.keys.TicketNote;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated UUID keys (assigned when added, known before the flush) and sequence keys with pooled allocation
 * (one round trip per allocationSize keys, shared by the mapper's sessions), on both databases.
 */
abstract class KeysContract extends MapperTestBase {

    @Override
    protected dev.braid.mapping.MappingRegistry registry() {
        return KeyModels.registry();
    }

    /** A uuid column read with raw SQL: r2dbc-mariadb reads MariaDB's uuid type as its text. */
    private static UUID uuid(Object raw) {
        return raw instanceof UUID id ? id : UUID.fromString((String) raw);
    }

    private String nextValue(String sequence) {
        return postgres() ? "SELECT nextval($1)" : "SELECT NEXT VALUE FOR " + sequence;
    }

    /** The multi-row INSERT of {@code rows} rows of {@code columns} (all bound), arrays on PostgreSQL. */
    private String insertRows(String table, String columns, String pgTypes, int rows) {
        int width = columns.split(", ").length;
        if (postgres()) {
            StringBuilder unnest = new StringBuilder();
            String[] types = pgTypes.split(", ");
            for (int i = 0; i < width; i++) unnest.append(i > 0 ? ", $" : "$").append(i + 1).append("::").append(types[i]).append("[]");
            return "INSERT INTO " + table + " (" + columns + ") SELECT * FROM unnest(" + unnest + ")";
        }
        StringBuilder values = new StringBuilder();
        for (int row = 0; row < rows; row++) {
            values.append(row > 0 ? ", (" : "(");
            for (int c = 0; c < width; c++) values.append(c > 0 ? ", $" : "$").append(row * width + c + 1);
            values.append(')');
        }
        return "INSERT INTO " + table + " (" + columns + ") VALUES " + values;
    }

    @Test
    void uuidKeysAreKnownWhenAddedAndChildrenReferencingThemGoInOneMultiRowInsert() {
        Ticket ticket = new Ticket("Printer");
        for (int i = 0; i < 3; i++) ticket.notes.add(new TicketNote("note " + i));
        List<UUID> idsAtAdd = new ArrayList<>();
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(ticket).doOnNext(t -> {
                    idsAtAdd.add(t.id);
                    t.notes.forEach(n -> idsAtAdd.add(n.id));
                    assertThat(recorder().statements()).isEmpty(); // nothing sent yet
                })))
                .expectNext(ticket)
                .verifyComplete();
        assertThat(idsAtAdd).doesNotContainNull().hasSize(4);
        assertThat(idsAtAdd.get(0).version()).isEqualTo(7);
        assertThat(idsAtAdd.subList(1, 4)).allSatisfy(id -> assertThat(id.version()).isEqualTo(4));
        assertThat(ticket.id).isEqualTo(idsAtAdd.get(0)); // the flush kept them
        assertThat(recorder().statements()).hasSize(2);
        assertThat(recorder().statements().get(1)).isEqualTo(
                insertRows("ticket_notes", "id, ticket_id, text, written_at", "uuid, uuid, text, timestamp", 3));
        assertThat(rows("SELECT ticket_id FROM ticket_notes")).hasSize(3)
                .allSatisfy(r -> assertThat(uuid(r.get(0))).isEqualTo(ticket.id));
        assertThat(rows("SELECT id FROM ticket_notes").stream().map(r -> uuid(r.get(0))).toList())
                .containsExactlyInAnyOrderElementsOf(idsAtAdd.subList(1, 4));
    }

    @Test
    void v7KeysFollowTheAddOrderInTheDatabase() {
        List<Ticket> tickets = IntStream.range(0, 40).mapToObj(i -> {
            Ticket t = new Ticket("t" + i);
            t.status = "open";
            t.openedOn = Instant.parse("2026-01-01T00:00:00Z"); // nothing to read back: one multi-row INSERT
            return t;
        }).toList();
        StepVerifier.create(mapper.inTransactionMono(s -> s.addAll(tickets))).verifyComplete();
        assertThat(recorder().statements()).hasSize(1);
        List<Object> titlesByKey = rows("SELECT title FROM tickets ORDER BY id").stream().map(r -> r.get(0)).toList();
        assertThat(titlesByKey).containsExactlyElementsOf(tickets.stream().map(t -> (Object) t.title).toList());
        assertThat(tickets.stream().map(t -> t.id).sorted().toList())
                .containsExactlyElementsOf(tickets.stream().map(t -> t.id).toList());
    }

    @Test
    void aKeySetByTheApplicationIsKept() {
        UUID mine = UUID.fromString("00000000-0000-4000-8000-000000000001");
        Ticket ticket = new Ticket("mine");
        ticket.id = mine;
        Invoice invoice = new Invoice("INV-HAND");
        invoice.id = 1000L;
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(ticket).then(s.add(invoice)))).expectNextCount(1).verifyComplete();
        assertThat(ticket.id).isEqualTo(mine);
        assertThat(invoice.id).isEqualTo(1000L);
        assertThat(recorder().statements()).noneMatch(sql -> sql.contains("nextval") || sql.contains("NEXT VALUE"));
        assertThat(uuid(value("SELECT id FROM tickets"))).isEqualTo(mine);
    }

    @Test
    void sequenceKeysTakeOneRoundTripPerAllocationSize() {
        List<Invoice> invoices = IntStream.rangeClosed(1, 120).mapToObj(i -> new Invoice("INV-" + i)).toList();
        StepVerifier.create(mapper.inTransactionMono(s -> s.addAll(invoices).then(Mono.fromCallable(
                        () -> invoices.get(0).id == null)))) // not before the flush
                .expectNext(true)
                .verifyComplete();
        List<String> statements = recorder().statements();
        assertThat(statements).containsExactly(nextValue("invoice_seq"), nextValue("invoice_seq"), nextValue("invoice_seq"),
                insertRows("invoices", "id, number", "bigint, text", 120));
        assertThat(invoices.stream().map(i -> i.id).toList())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 120).mapToObj(Long::valueOf).toList());
        assertThat(rows("SELECT id, number FROM invoices WHERE id IN (1, 120)"))
                .containsExactlyInAnyOrder(List.of(1L, "INV-1"), List.of(120L, "INV-120"));

        // The rest of the third block (121..150) serves the next flushes of any session of this mapper.
        recorder().clear();
        List<Invoice> more = IntStream.rangeClosed(1, 30).mapToObj(i -> new Invoice("MORE-" + i)).toList();
        StepVerifier.create(mapper.inTransactionMono(s -> s.addAll(more))).verifyComplete();
        assertThat(recorder().statements()).containsExactly(insertRows("invoices", "id, number", "bigint, text", 30));
        assertThat(more.get(0).id).isEqualTo(121L);
        assertThat(more.get(29).id).isEqualTo(150L);
        recorder().clear();
        Invoice next = new Invoice("NEXT");
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(next))).expectNextCount(1).verifyComplete();
        assertThat(next.id).isEqualTo(151L);
        assertThat(recorder().statements()).containsExactly(nextValue("invoice_seq"),
                "INSERT INTO invoices (id, number) VALUES ($1, $2)");
    }

    @Test
    void sequenceKeysFlowIntoChildrenWithoutReadingAnythingBack() {
        Invoice invoice = new Invoice("INV-1");
        for (int i = 1; i <= 3; i++) invoice.lines.add(new InvoiceLine(i));
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(invoice))).expectNextCount(1).verifyComplete();
        assertThat(recorder().statements()).containsExactly(nextValue("invoice_seq"), nextValue("invoice_lines_seq"),
                "INSERT INTO invoices (id, number) VALUES ($1, $2)",
                insertRows("invoice_lines", "id, invoice_id, quantity", "bigint, bigint, integer", 3));
        assertThat(invoice.lines.stream().map(l -> l.id).toList()).containsExactly(1L, 2L, 3L);
        assertThat(rows("SELECT invoice_id, quantity FROM invoice_lines ORDER BY id"))
                .containsExactly(List.of(invoice.id, 1), List.of(invoice.id, 2), List.of(invoice.id, 3));
    }

    @Test
    void sessionsRunningAtOnceGetDistinctKeys() {
        List<Invoice> all = new ArrayList<>();
        List<Mono<Void>> sessions = new ArrayList<>();
        for (int session = 0; session < 4; session++) {
            List<Invoice> mine = IntStream.range(0, 30).mapToObj(i -> new Invoice("S" + all.size() + "-" + i)).toList();
            all.addAll(mine);
            sessions.add(mapper.inTransactionMono(s -> s.addAll(mine)));
        }
        StepVerifier.create(Flux.merge(sessions)).verifyComplete();
        Set<Long> keys = new HashSet<>();
        all.forEach(i -> keys.add(i.id));
        assertThat(keys).hasSize(120).doesNotContainNull();
        assertThat(count("invoices")).isEqualTo(120);
        long fetches = recorder().statements().stream().filter(sql -> sql.equals(nextValue("invoice_seq"))).count();
        assertThat(fetches).isBetween(3L, 8L); // 3 when the sessions ran one after the other
    }

    @Test
    void aFailedFlushTakesItsSequenceKeysBackAndTheNextFlushUsesNewOnes() {
        Invoice bad = new Invoice(null); // number is NOT NULL
        StepVerifier.create(mapper.withSession(s -> s.add(bad).then(s.flush()))).expectError().verify(TIMEOUT);
        assertThat(bad.id).isNull();
        bad.number = "FIXED";
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(bad))).expectNextCount(1).verifyComplete();
        assertThat(bad.id).isEqualTo(2L); // 1 went to the failed flush: a gap, never a duplicate
        assertThat(rows("SELECT id, number FROM invoices")).containsExactly(List.of(2L, "FIXED"));
    }

    @Test
    void theDdlCreatesTheSequencesFirstAndDropsThemLast() {
        List<String> create = mapper.schema().createStatements();
        assertThat(create.subList(0, 2)).containsExactly(
                "CREATE SEQUENCE invoice_seq START WITH 1 INCREMENT BY 50",
                "CREATE SEQUENCE invoice_lines_seq START WITH 1 INCREMENT BY 10");
        assertThat(new dev.braid.core.internal.plan.schema.SchemaPlanner(registry(), mapper.dialect()).createScript(true)).contains("CREATE SEQUENCE IF NOT EXISTS invoice_seq START WITH 1 INCREMENT BY 50;");
        List<String> drop = mapper.schema().dropStatements();
        assertThat(drop.subList(drop.size() - 2, drop.size())).containsExactly(
                "DROP SEQUENCE IF EXISTS invoice_seq", "DROP SEQUENCE IF EXISTS invoice_lines_seq");
        StepVerifier.create(mapper.schema().createMissing()).verifyComplete(); // guarded: everything exists already
    }
}
