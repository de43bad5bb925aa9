package dev.braid.reactive;

import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.time.Meeting;
import dev.braid.reactive.time.Meeting_;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Instant} and {@code OffsetDateTime} bound in raw SQL go through the dialect's value adapter exactly as
 * mapped columns do (MariaDB: the UTC {@code LocalDateTime} in a {@code datetime(6)} column), so raw writes read
 * back through the mapping, and mapped writes are found by raw filters, whatever offset the value carries.
 */
abstract class RawSqlTimeContract extends MapperTestBase {
    // 09:30:15.123456 at +05:30 is 04:00:15.123456 UTC.
    private static final OffsetDateTime KOLKATA = OffsetDateTime.of(2024, 3, 10, 9, 30, 15, 123_456_000, ZoneOffset.ofHoursMinutes(5, 30));
    private static final Instant END = Instant.parse("2024-03-10T05:15:00.000001Z");

    record When(String title, OffsetDateTime startsAt, Instant endsAt) {}

    @Override
    protected MappingRegistry registry() {
        return MappingRegistry.builder().entity(Meeting.class).build();
    }

    /** The stored value as an instant; on MariaDB it must be the UTC wall time (what the adapter writes). */
    private Instant stored(Object value) {
        if (mariadb()) {
            assertThat(value).isInstanceOf(LocalDateTime.class);
            return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
        }
        return value instanceof OffsetDateTime t ? t.toInstant() : (Instant) value;
    }

    @Test
    void aRawInsertWithANonUtcOffsetReadsBackThroughTheMappingAsTheSameInstant() {
        StepVerifier.create(mapper.inTransactionMono(s -> s.sql("INSERT INTO meetings (title, starts_at, ends_at) VALUES (:t, :s, :e)")
                        .bind("t", "stand-up").bind("s", KOLKATA).bind("e", END).execute()))
                .expectNext(1L)
                .verifyComplete();
        List<Object> row = rows("SELECT starts_at, ends_at FROM meetings").get(0);
        assertThat(stored(row.get(0))).isEqualTo(KOLKATA.toInstant());
        assertThat(stored(row.get(1))).isEqualTo(END);
        if (mariadb()) assertThat(row.get(0)).isEqualTo(LocalDateTime.of(2024, 3, 10, 4, 0, 15, 123_456_000));
        Meeting read = mapper.withSessionMono(s -> s.select(Meeting.class).one()).block(TIMEOUT);
        assertThat(read.startsAt.toInstant()).isEqualTo(KOLKATA.toInstant());
        assertThat(read.endsAt).isEqualTo(END);
        // Raw reads convert back too: by record component and by ResultRow.get(..., OffsetDateTime.class).
        When when = mapper.withSessionMono(s -> s.sql("SELECT title, starts_at, ends_at FROM meetings").mapTo(When.class).one())
                .block(TIMEOUT);
        assertThat(when.startsAt().toInstant()).isEqualTo(KOLKATA.toInstant());
        assertThat(when.endsAt()).isEqualTo(END);
        OffsetDateTime got = mapper.withSessionMono(s -> s.sql("SELECT starts_at FROM meetings")
                .map(r -> r.get(0, OffsetDateTime.class)).one()).block(TIMEOUT);
        assertThat(got.toInstant()).isEqualTo(KOLKATA.toInstant());
    }

    @Test
    void nullTimeValuesBindThroughTheAdapterToo() {
        StepVerifier.create(mapper.inTransactionMono(s -> s.sql("INSERT INTO meetings (title, starts_at, ends_at) VALUES (?, ?, ?)")
                        .bind(0, "unplanned").bindNull(1, OffsetDateTime.class).bindNull(2, Instant.class).execute()))
                .expectNext(1L)
                .verifyComplete();
        Meeting read = mapper.withSessionMono(s -> s.select(Meeting.class).one()).block(TIMEOUT);
        assertThat(read.startsAt).isNull();
        assertThat(read.endsAt).isNull();
    }

    @Test
    void aMappedInsertIsFoundByRawFiltersBoundAtAnyOffset() {
        mapper.inTransaction(s -> s.addAll(List.of(new Meeting("stand-up", KOLKATA, END),
                new Meeting("later", KOLKATA.plusHours(3), END.plusSeconds(3 * 3600))))).blockLast(TIMEOUT);
        recorder().clear();
        OffsetDateTime sameInstantInBrazil = KOLKATA.withOffsetSameInstant(ZoneOffset.ofHours(-3));
        StepVerifier.create(mapper.withSessionMono(s -> s.sql("SELECT * FROM meetings WHERE starts_at = :kolkata"
                                + " AND starts_at = :brazil AND ends_at = :end")
                        .bind("kolkata", KOLKATA).bind("brazil", sameInstantInBrazil).bind("end", END)
                        .mapTo(Meeting.class).all().map(m -> m.title).collectList()))
                .expectNext(List.of("stand-up"))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                "SELECT * FROM meetings WHERE starts_at = $1 AND starts_at = $2 AND ends_at = $3");
        // A range and a bound collection of instants.
        StepVerifier.create(mapper.withSessionMono(s -> s.sql("SELECT count(*) FROM meetings WHERE starts_at > ? AND ends_at IN (?)")
                        .bind(0, sameInstantInBrazil.minusNanos(1_000)).bind(1, List.of(END, END.plusSeconds(3 * 3600)))
                        .map(r -> r.get(0, Long.class)).one()))
                .expectNext(2L)
                .verifyComplete();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Meeting.class).where(Meeting_.startsAt.gt(sameInstantInBrazil))
                        .all().map(m -> m.title).collectList()))
                .expectNext(List.of("later"))
                .verifyComplete();
    }
}
