package dev.braid.reactive;

import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.typed.LegacyTicket;
import dev.braid.reactive.typed.Money;
import dev.braid.reactive.typed.MoneyConverter;
import dev.braid.reactive.typed.Mood;
import dev.braid.reactive.typed.Priority;
import dev.braid.reactive.typed.Ticket;
import dev.braid.reactive.typed.Ticket_;
import dev.braid.reactive.typed.TypedModels;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Converters (per attribute and per registry) and enums by name, ordinal and native type, on each database. */
abstract class ConverterEnumContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return TypedModels.converters();
    }

    private boolean created;

    /**
     * The schema is created once per class and emptied before each test: dropping and recreating PostgreSQL enum
     * types between tests would give them new OIDs under the driver's cached prepared statements.
     */
    @Override
    @org.junit.jupiter.api.BeforeEach
    void freshSchema() {
        if (!created) {
            mapper.schema().dropAll().then(mapper.schema().createAll()).block(TIMEOUT);
            created = true;
        }
        execute("DELETE FROM tickets");
        execute("DELETE FROM legacy_tickets");
        recorder().clear();
    }

    /** The mood column as text: MariaDB reads its ENUM column as the label (and has no CAST AS varchar). */
    private String moodText() {
        return mariadb() ? "mood" : "CAST(mood AS varchar)";
    }

    private String moodCast(String type) {
        return postgres() ? "::" + type : "";
    }

    private String selectTicket() {
        return "SELECT tickets.id, tickets.price, tickets.by_name, tickets.by_ordinal, tickets.mood, tickets.priority"
                + " FROM tickets";
    }

    @Test
    void ddlDeclaresTheStoredTypesAndCreatesNativeEnumTypesFirst() {
        String script = mapper.schema().createScript();
        if (postgres()) {
            assertThat(script).startsWith("CREATE TYPE ticket_mood AS ENUM ('SAD', 'OK', 'HAPPY');\n"
                    + "CREATE TYPE legacy_mood AS ENUM ('SAD', 'OK', 'HAPPY');\n");
            assertThat(script).contains("CREATE TABLE tickets (id bigint NOT NULL, price numeric(12, 2),"
                    + " by_name text, by_ordinal integer, mood ticket_mood, priority text, PRIMARY KEY (id))");
            assertThat(script).contains("CREATE TABLE legacy_tickets (id bigint NOT NULL,"
                    + " price numeric(12, 2), ordinal integer, mood legacy_mood, PRIMARY KEY (id))");
        } else if (mariadb()) {
            // MariaDB: no CREATE TYPE; a database enum is an inline ENUM column.
            assertThat(script).startsWith("CREATE TABLE tickets (id bigint NOT NULL, price decimal(12, 2),"
                    + " by_name text, by_ordinal int, mood enum('SAD', 'OK', 'HAPPY'), priority text,"
                    + " PRIMARY KEY (id))");
        } else {
            // H2: no CREATE TYPE; a database enum is a varchar column of its labels.
            assertThat(script).startsWith("CREATE TABLE tickets (id bigint NOT NULL, price numeric(12, 2),"
                    + " by_name varchar, by_ordinal integer, mood varchar, priority varchar, PRIMARY KEY (id))");
        }
    }

    @Test
    void valuesAreStoredConvertedAndReadBack() {
        mapper.inTransactionMono(s -> s.add(new Ticket(1, Money.of("12.50"), Mood.HAPPY, Priority.HIGH))).block(TIMEOUT);
        assertThat(recorder().statements()).containsExactly("INSERT INTO tickets (id, price, by_name, by_ordinal, mood,"
                + " priority) VALUES ($1, $2, $3, $4, $5" + moodCast("ticket_mood") + ", $6)");
        assertThat(rows("SELECT price, by_name, by_ordinal, " + moodText() + ", priority FROM tickets"))
                .containsExactly(List.of(new BigDecimal("12.50"), "HAPPY", 2, "HAPPY", "H"));

        StepVerifier.create(mapper.withSessionMono(s -> s.get(Ticket.class, 1L)))
                .assertNext(t -> {
                    assertThat(t.price).isEqualTo(Money.of("12.50"));
                    assertThat(t.byName).isEqualTo(Mood.HAPPY);
                    assertThat(t.byOrdinal).isEqualTo(Mood.HAPPY);
                    assertThat(t.mood).isEqualTo(Mood.HAPPY);
                    assertThat(t.priority).isEqualTo(Priority.HIGH);
                })
                .verifyComplete();
    }

    @Test
    void nullsStayNull() {
        mapper.inTransactionMono(s -> s.add(new Ticket(1, null, null, null))).block(TIMEOUT);
        assertThat(rows("SELECT price, by_name, by_ordinal, mood, priority FROM tickets"))
                .containsExactly(java.util.Arrays.asList(null, null, null, null, null));
        StepVerifier.create(mapper.withSessionMono(s -> s.get(Ticket.class, 1L)))
                .assertNext(t -> assertThat(t.price).isNull())
                .verifyComplete();
    }

    @Test
    void dirtyCheckingComparesConvertedValues() {
        mapper.inTransactionMono(s -> s.add(new Ticket(1, Money.of("12.50"), Mood.OK, Priority.LOW))).block(TIMEOUT);
        recorder().clear();
        // An equal value object and the same enum constants: nothing to write.
        mapper.inTransactionMono(s -> s.get(Ticket.class, 1L).doOnNext(t -> {
            t.price = Money.of("12.50");
            t.mood = Mood.OK;
        })).block(TIMEOUT);
        assertThat(recorder().statements()).containsExactly(selectTicket() + " WHERE tickets.id = $1");
        recorder().clear();

        mapper.inTransactionMono(s -> s.get(Ticket.class, 1L).doOnNext(t -> {
            t.price = Money.of("99.99");
            t.mood = Mood.SAD;
            t.byOrdinal = Mood.SAD;
        })).block(TIMEOUT);
        assertThat(recorder().statements()).containsExactly(selectTicket() + " WHERE tickets.id = $1",
                "UPDATE tickets SET price = $1, by_ordinal = $2, mood = $3" + moodCast("ticket_mood") + " WHERE id = $4");
        assertThat(rows("SELECT price, by_ordinal, " + moodText() + " FROM tickets"))
                .containsExactly(List.of(new BigDecimal("99.99"), 0, "SAD"));
    }

    @Test
    void filtersBindConvertedValues() {
        mapper.inTransactionMono(s -> s.addAll(List.of(
                new Ticket(1, Money.of("5.00"), Mood.SAD, Priority.LOW),
                new Ticket(2, Money.of("20.00"), Mood.HAPPY, Priority.HIGH),
                new Ticket(3, Money.of("50.00"), Mood.OK, Priority.HIGH)))).block(TIMEOUT);
        recorder().clear();
        StepVerifier.create(mapper.withSession(s -> s.select(Ticket.class)
                        .where(Ticket_.price.gt(Money.of("10")).and(Ticket_.priority.eq(Priority.HIGH))
                                .and(Ticket_.mood.in(Mood.HAPPY, Mood.SAD)).and(Ticket_.byOrdinal.ne(Mood.OK)))
                        .all()).map(t -> t.id))
                .expectNext(2L).verifyComplete();
        assertThat(recorder().statements()).containsExactly(selectTicket() + " WHERE tickets.price > $1 AND"
                + " tickets.priority = $2 AND tickets.mood IN ($3" + moodCast("ticket_mood") + ", $4"
                + moodCast("ticket_mood") + ") AND tickets.by_ordinal <> $5");
    }

    @Test
    void theFluentBuilderMapsTheSameWay() {
        mapper.inTransactionMono(s -> s.add(new LegacyTicket(7, Money.of("1.25"), Mood.HAPPY))).block(TIMEOUT);
        assertThat(recorder().statements()).containsExactly("INSERT INTO legacy_tickets (id, price, ordinal, mood)"
                + " VALUES ($1, $2, $3, $4" + moodCast("legacy_mood") + ")");
        assertThat(rows("SELECT price, ordinal, " + moodText() + " FROM legacy_tickets"))
                .containsExactly(List.of(new BigDecimal("1.25"), 2, "HAPPY"));
        StepVerifier.create(mapper.withSession(s -> s.select(LegacyTicket.class)
                        .where(TypedModels.LEGACY_PRICE.lt(Money.of("2")).and(TypedModels.LEGACY_MOOD.eq(Mood.HAPPY))).all()))
                .assertNext(t -> {
                    assertThat(t.price).isEqualTo(Money.of("1.25"));
                    assertThat(t.ordinal).isEqualTo(Mood.HAPPY);
                    assertThat(t.mood).isEqualTo(Mood.HAPPY);
                })
                .verifyComplete();
    }

    @Test
    void manyRowsGoInOneBatch() {
        mapper.inTransactionMono(s -> s.addAll(List.of(
                new Ticket(1, Money.of("1"), Mood.SAD, Priority.LOW),
                new Ticket(2, Money.of("2"), Mood.HAPPY, Priority.HIGH)))).block(TIMEOUT);
        if (postgres()) {
            assertThat(recorder().statements()).containsExactly("INSERT INTO tickets (id, price, by_name, by_ordinal,"
                    + " mood, priority) SELECT * FROM unnest($1::bigint[], $2::numeric[], $3::text[], $4::integer[],"
                    + " $5::ticket_mood[], $6::text[])");
        } else {
            assertThat(recorder().statements()).containsExactly("INSERT INTO tickets (id, price, by_name, by_ordinal,"
                    + " mood, priority) VALUES ($1, $2, $3, $4, $5, $6), ($7, $8, $9, $10, $11, $12)");
        }
        assertThat(rows("SELECT id, " + moodText() + ", priority FROM tickets ORDER BY id"))
                .containsExactly(List.of(1L, "SAD", "L"), List.of(2L, "HAPPY", "H"));
    }

    @Test
    void aConverterCostsOneCallPerValue() {
        mapper.inTransactionMono(s -> s.add(new Ticket(1, Money.of("3"), Mood.OK, Priority.LOW))).block(TIMEOUT);
        MoneyConverter.CALLS.set(0);
        int[] afterLoad = new int[1];
        mapper.inTransactionMono(s -> s.get(Ticket.class, 1L).doOnNext(t -> afterLoad[0] = MoneyConverter.CALLS.get()))
                .block(TIMEOUT);
        // Reading the row: fromDatabase once, and toDatabase once for the snapshot (what dirty checking compares).
        assertThat(afterLoad[0]).isEqualTo(2);
        // Each dirty check of the flush converts the value back once (toDatabase) to compare it with the snapshot.
        assertThat(MoneyConverter.CALLS.get()).isEqualTo(3);
    }
}
