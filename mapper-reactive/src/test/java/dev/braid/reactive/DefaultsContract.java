package dev.braid.reactive;

import dev.braid.reactive.keys.KeyModels;
import dev.braid.reactive.keys.KeyModels.Memo;
import dev.braid.reactive.keys.Ticket;
import dev.braid.reactive.keys.Ticket_;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client defaults and @CreatedAt/@UpdatedAt applied by the flush from the mapper's clock; server defaults in the DDL,
 * left out of the INSERT when null and read back (RETURNING / FINAL TABLE); a failed flush takes them back.
 */
abstract class DefaultsContract extends MapperTestBase {
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    static final Instant T1 = Instant.parse("2026-03-02T08:00:00Z");
    final KeyModels.TestClock clock = new KeyModels.TestClock(T0);

    @Override
    protected dev.braid.mapping.MappingRegistry registry() {
        return KeyModels.registry();
    }

    @BeforeAll
    @Override
    void createMapper() {
        mapper = Mapper.builder(pool(), registry()).clock(clock).build();
    }

    @org.junit.jupiter.api.BeforeEach
    void resetClock() {
        clock.set(T0);
    }

    private String insertReturning(String table, String columns, String values, String returning) {
        return postgres() || mariadb()
                ? "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") RETURNING " + returning
                : "SELECT " + returning + " FROM FINAL TABLE (INSERT INTO " + table + " (" + columns + ") VALUES (" + values + "))";
    }

    /**
     * An instant read with raw SQL: a timestamp with time zone on H2 and PostgreSQL; on MariaDB, which has none, the
     * UTC datetime Braid stores it as (the driver reads a LocalDateTime).
     */
    static Instant instant(Object raw) {
        return raw instanceof LocalDateTime utc ? utc.toInstant(ZoneOffset.UTC) : ((OffsetDateTime) raw).toInstant();
    }

    @Test
    void insertSetsTimestampsAndClientDefaultsAndReadsServerDefaultsBack() {
        clock.set(T0);
        Ticket ticket = new Ticket("Printer jam");
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(ticket))).expectNext(ticket).verifyComplete();

        assertThat(ticket.createdAt).isEqualTo(T0);
        assertThat(ticket.updatedAt).isEqualTo(OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));
        assertThat(ticket.code).startsWith("T-");
        assertThat(ticket.status).isEqualTo("open"); // the server default, read back
        assertThat(ticket.openedOn).isNotNull();
        assertThat(recorder().statements()).containsExactly(insertReturning("tickets",
                "id, title, code, created_at, updated_at, created_by", "$1, $2, $3, $4, $5, $6", "status, opened_on"));
        List<Object> row = rows("SELECT code, status, created_at, opened_on FROM tickets").get(0);
        assertThat(row.get(0)).isEqualTo(ticket.code);
        assertThat(row.get(1)).isEqualTo("open");
        assertThat(instant(row.get(2))).isEqualTo(T0);
        assertThat(instant(row.get(3))).isEqualTo(ticket.openedOn);
    }

    @Test
    void valuesSetByTheApplicationAreKeptAndNothingIsReadBack() {
        Ticket ticket = new Ticket("Set by hand");
        ticket.code = "HAND";
        ticket.status = "closed";
        ticket.openedOn = Instant.parse("2020-01-01T00:00:00Z");
        ticket.createdAt = Instant.parse("2021-01-01T00:00:00Z");
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(ticket))).expectNextCount(1).verifyComplete();
        String columns = "id, title, code, status, opened_on, created_at, updated_at, created_by";
        assertThat(recorder().statements()).containsExactly(
                "INSERT INTO tickets (" + columns + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
        assertThat(rows("SELECT code, status FROM tickets")).containsExactly(List.of("HAND", "closed"));
        assertThat(ticket.createdAt).isEqualTo(Instant.parse("2021-01-01T00:00:00Z"));
        assertThat(ticket.updatedAt.toInstant()).isEqualTo(T0); // null: set at INSERT too
    }

    @Test
    void updatedAtChangesOnlyWithARealUpdateAndIsPartOfIt() {
        clock.set(T0);
        Ticket ticket = new Ticket("Before");
        mapper.inTransactionMono(s -> s.add(ticket)).block(TIMEOUT);
        recorder().clear();
        clock.set(T1);
        AtomicReference<OffsetDateTime> untouched = new AtomicReference<>();
        StepVerifier.create(mapper.inTransactionMono(s -> s.get(Ticket.class, ticket.id)
                        .flatMap(t -> s.flush().then(reactor.core.publisher.Mono.fromRunnable(() -> untouched.set(t.updatedAt)))
                                .thenReturn(t))
                        .map(t -> {
                            t.title = "After";
                            return t;
                        })))
                .assertNext(t -> {
                    assertThat(t.updatedAt).isEqualTo(OffsetDateTime.ofInstant(T1, ZoneOffset.UTC));
                    assertThat(t.createdAt).isEqualTo(T0);
                })
                .verifyComplete();
        assertThat(untouched.get().toInstant()).isEqualTo(T0); // the flush without changes sent nothing, set nothing
        List<String> statements = recorder().statements();
        assertThat(statements).hasSize(2);
        assertThat(statements.get(1)).isEqualTo("UPDATE tickets SET title = $1, updated_at = $2 WHERE id = $3");
        assertThat(instant(value("SELECT updated_at FROM tickets"))).isEqualTo(T1);
        assertThat(instant(value("SELECT created_at FROM tickets"))).isEqualTo(T0);
    }

    @Test
    void aFailedFlushTakesTheFilledInValuesBack() {
        Ticket ticket = new Ticket(null); // title is NOT NULL
        StepVerifier.create(mapper.withSession(s -> s.add(ticket).then(s.flush())))
                .expectError()
                .verify(TIMEOUT);
        assertThat(ticket.id).isNotNull(); // assigned when added, not by the flush
        assertThat(ticket.createdAt).isNull();
        assertThat(ticket.updatedAt).isNull();
        assertThat(ticket.code).isNull();
        assertThat(ticket.status).isNull();
        assertThat(count("tickets")).isZero();
    }

    @Test
    void builderMappedDefaultsAndTimestamps() {
        clock.set(T0);
        Memo memo = new Memo("hello");
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(memo))).expectNextCount(1).verifyComplete();
        assertThat(memo.priority).isEqualTo(3);
        assertThat(memo.label).isEqualTo("memo");
        assertThat(memo.writtenAt).isEqualTo(T0);
        assertThat(memo.touchedAt).isEqualTo(LocalDateTime.ofInstant(T0, ZoneOffset.UTC));
        assertThat(recorder().statements()).containsExactly(insertReturning("memos",
                "id, body, priority, written_at, touched_at", "$1, $2, $3, $4, $5", "label"));
        assertThat(rows("SELECT priority, label FROM memos")).containsExactly(List.of(3, "memo"));
    }

    @Test
    void theDdlRendersServerDefaults() {
        String script = mapper.schema().createScript();
        assertThat(script).contains("status varchar(20) DEFAULT 'open'")
                .contains("label varchar(10) DEFAULT 'memo'");
        if (mariadb()) {
            // an Instant is a UTC datetime there; CURRENT_TIMESTAMP would be the session's local time
            assertThat(script).contains("opened_on datetime(6) DEFAULT UTC_TIMESTAMP(6), created_at datetime(6)");
        } else {
            assertThat(script).containsPattern("opened_on timestamp(\\(6\\))? with time zone DEFAULT CURRENT_TIMESTAMP");
        }
    }

    @Test
    void queriesFindTheFilledInValues() {
        clock.set(T0);
        StepVerifier.create(mapper.inTransaction(s -> s.add(new Ticket("A"))
                        .thenMany(s.select(Ticket.class).where(Ticket_.createdAt.eq(T0)).all()).map(t -> t.title)))
                .expectNext("A")
                .verifyComplete();
    }
}
