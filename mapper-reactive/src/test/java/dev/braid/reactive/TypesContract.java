package dev.braid.reactive;

import dev.braid.reactive.model.Author;
import dev.braid.reactive.model.Author_;
import dev.braid.reactive.model.Color;
import dev.braid.reactive.model.Everything;
import dev.braid.reactive.model.Everything_;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every supported type survives a round trip, nulls included, and hostile strings stay data. */
abstract class TypesContract extends MapperTestBase {

    private static Everything full() {
        Everything e = new Everything();
        e.id = 1;
        e.primitiveInt = -42;
        e.boxedInt = Integer.MAX_VALUE;
        e.boxedLong = Long.MIN_VALUE;
        e.primitiveShort = (short) -7;
        e.boxedShort = Short.MAX_VALUE;
        e.primitiveBoolean = true;
        e.boxedBoolean = false;
        e.text = "grüße, 日本語, emoji \uD83D\uDE00";
        e.amount = new BigDecimal("12345678901234567890.123456789");
        e.primitiveDouble = Math.PI;
        e.boxedDouble = -0.5e-300;
        e.uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        e.color = Color.GREEN;
        e.day = LocalDate.of(1999, 12, 31);
        e.localTime = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000);
        e.offsetTime = OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2));
        e.instant = Instant.parse("2030-01-01T00:00:00.000001Z");
        e.bytes = new byte[]{0, 1, 2, (byte) 0xFF, 127, -128};
        return e;
    }

    @Test
    void everySupportedTypeRoundTrips() {
        Everything original = full();
        mapper.inTransactionMono(s -> s.add(original)).block(TIMEOUT);

        StepVerifier.create(mapper.withSessionMono(s -> s.get(Everything.class, 1L)))
                .assertNext(e -> {
                    assertThat(e).isNotSameAs(original);
                    assertThat(e.primitiveInt).isEqualTo(-42);
                    assertThat(e.boxedInt).isEqualTo(Integer.MAX_VALUE);
                    assertThat(e.boxedLong).isEqualTo(Long.MIN_VALUE);
                    assertThat(e.primitiveShort).isEqualTo((short) -7);
                    assertThat(e.boxedShort).isEqualTo(Short.MAX_VALUE);
                    assertThat(e.primitiveBoolean).isTrue();
                    assertThat(e.boxedBoolean).isFalse();
                    assertThat(e.text).isEqualTo(original.text);
                    assertThat(e.amount).isEqualByComparingTo(original.amount);
                    assertThat(e.primitiveDouble).isEqualTo(Math.PI);
                    assertThat(e.boxedDouble).isEqualTo(-0.5e-300);
                    assertThat(e.uuid).isEqualTo(original.uuid);
                    assertThat(e.color).isEqualTo(Color.GREEN);
                    assertThat(e.day).isEqualTo(original.day);
                    assertThat(e.localTime).isEqualTo(original.localTime);
                    assertThat(e.offsetTime.toInstant()).isEqualTo(original.offsetTime.toInstant());
                    assertThat(e.instant).isEqualTo(original.instant);
                    assertThat(e.bytes).isEqualTo(original.bytes);
                })
                .verifyComplete();
        assertThat(value("SELECT color FROM everything")).isEqualTo("GREEN");
    }

    @Test
    void nullsRoundTripForEveryNullableType() {
        Everything nulls = new Everything();
        nulls.id = 2;
        mapper.inTransactionMono(s -> s.add(nulls)).block(TIMEOUT);
        StepVerifier.create(mapper.withSessionMono(s -> s.get(Everything.class, 2L)))
                .assertNext(e -> {
                    assertThat(e.boxedInt).isNull();
                    assertThat(e.boxedLong).isNull();
                    assertThat(e.boxedShort).isNull();
                    assertThat(e.boxedBoolean).isNull();
                    assertThat(e.text).isNull();
                    assertThat(e.amount).isNull();
                    assertThat(e.boxedDouble).isNull();
                    assertThat(e.uuid).isNull();
                    assertThat(e.color).isNull();
                    assertThat(e.day).isNull();
                    assertThat(e.localTime).isNull();
                    assertThat(e.offsetTime).isNull();
                    assertThat(e.instant).isNull();
                    assertThat(e.bytes).isNull();
                })
                .verifyComplete();
    }

    @Test
    void everyTypeCanBeFilteredOn() {
        mapper.inTransactionMono(s -> s.add(full())).block(TIMEOUT);
        Everything e = full();
        List<Long> hits = mapper.withSession(s -> s.select(Everything.class)
                        .where(Everything_.uuid.eq(e.uuid))
                        .where(Everything_.color.eq(Color.GREEN))
                        .where(Everything_.color.in(Color.GREEN, Color.BLUE))
                        .where(Everything_.day.eq(e.day))
                        .where(Everything_.localTime.eq(e.localTime))
                        .where(Everything_.instant.eq(e.instant))
                        .where(Everything_.amount.gt(BigDecimal.ONE))
                        .where(Everything_.boxedShort.eq(Short.MAX_VALUE))
                        .where(Everything_.primitiveBoolean.eq(true))
                        .where(Everything_.bytes.eq(e.bytes))
                        .all())
                .map(x -> x.id).collectList().block(TIMEOUT);
        assertThat(hits).containsExactly(1L);
    }

    @Test
    void binaryAndDecimalChangesAreDetectedByValue() {
        mapper.inTransactionMono(s -> s.add(full())).block(TIMEOUT);
        recorder().clear();
        mapper.inTransactionMono(s -> s.get(Everything.class, 1L).doOnNext(e -> {
            e.bytes = new byte[]{0, 1, 2, (byte) 0xFF, 127, -128}; // equal content, new array: no change
            e.amount = new BigDecimal("12345678901234567890.1234567890"); // same value, other scale: no change
        })).block(TIMEOUT);
        assertThat(recorder().statements()).hasSize(1);
        mapper.inTransactionMono(s -> s.get(Everything.class, 1L).doOnNext(e -> e.bytes = new byte[]{9})).block(TIMEOUT);
        assertThat(recorder().statements()).last().isEqualTo("UPDATE everything SET bytes = $1 WHERE id = $2");
        assertThat((byte[]) toBytes(value("SELECT bytes FROM everything"))).containsExactly(9);
        // Editing the loaded array in place is a change too: the snapshot holds its own copy.
        mapper.inTransactionMono(s -> s.get(Everything.class, 1L).doOnNext(e -> e.bytes[0] = 7)).block(TIMEOUT);
        assertThat(recorder().statements()).last().isEqualTo("UPDATE everything SET bytes = $1 WHERE id = $2");
        assertThat((byte[]) toBytes(value("SELECT bytes FROM everything"))).containsExactly(7);
    }

    private static byte[] toBytes(Object value) {
        if (value instanceof java.nio.ByteBuffer buffer) {
            byte[] out = new byte[buffer.remaining()];
            buffer.get(out);
            return out;
        }
        return (byte[]) value;
    }

    @Test
    void batchedInsertsCarryEveryArrayableTypeAndNulls() {
        java.util.List<dev.braid.reactive.model.Scalars> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            dev.braid.reactive.model.Scalars s = new dev.braid.reactive.model.Scalars();
            s.primitiveInt = i;
            s.boxedInt = i == 1 ? null : i * 10;
            s.primitiveShort = (short) i;
            s.flag = i % 2 == 0;
            s.text = i == 2 ? null : "t'" + i;
            s.amount = new BigDecimal("1.25").multiply(BigDecimal.valueOf(i));
            s.ratio = i / 3.0;
            s.uuid = i == 0 ? null : UUID.nameUUIDFromBytes(new byte[]{(byte) i});
            s.color = Color.values()[i];
            s.day = LocalDate.of(2020, 1, 1 + i);
            s.localTime = LocalDateTime.of(2020, 1, 1, i, 30);
            s.offsetTime = OffsetDateTime.of(2020, 1, 1, i, 0, 0, 0, ZoneOffset.ofHours(i));
            s.instant = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i);
            rows.add(s);
        }
        mapper.inTransaction(s -> s.addAll(rows)).blockLast(TIMEOUT);
        if (postgres()) assertThat(recorder().statements()).hasSize(2); // keys, then one INSERT over arrays
        assertThat(rows).allSatisfy(r -> assertThat(r.version).isEqualTo(1));
        java.util.List<dev.braid.reactive.model.Scalars> read = mapper.withSession(s -> s.select(dev.braid.reactive.model.Scalars.class)
                .orderBy(dev.braid.reactive.model.Scalars_.primitiveInt.asc()).all()).collectList().block(TIMEOUT);
        assertThat(read).hasSize(3);
        for (int i = 0; i < 3; i++) {
            dev.braid.reactive.model.Scalars a = rows.get(i);
            dev.braid.reactive.model.Scalars b = read.get(i);
            assertThat(b.id).isEqualTo(a.id);
            assertThat(b.boxedInt).isEqualTo(a.boxedInt);
            assertThat(b.primitiveShort).isEqualTo(a.primitiveShort);
            assertThat(b.flag).isEqualTo(a.flag);
            assertThat(b.text).isEqualTo(a.text);
            assertThat(b.amount).isEqualByComparingTo(a.amount);
            assertThat(b.ratio).isEqualTo(a.ratio);
            assertThat(b.uuid).isEqualTo(a.uuid);
            assertThat(b.color).isEqualTo(a.color);
            assertThat(b.day).isEqualTo(a.day);
            assertThat(b.localTime).isEqualTo(a.localTime);
            assertThat(b.offsetTime.toInstant()).isEqualTo(a.offsetTime.toInstant());
            assertThat(b.instant).isEqualTo(a.instant);
            assertThat(b.version).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "'; drop table authors;--", "Robert'); DROP TABLE authors;--", "\" OR \"\"=\"", "' OR '1'='1",
            "$1", "$2 $1 ?", "back\\slash\\", "\\'", "tab\tnew\nline", "null", "NULL", "%_\\%",
            "日本語 ☃ \uD83D\uDE00", "\u0000-free? no: \u0001", "--", "/* comment */", ";"})
    void injectionAttemptsRoundTripExactlyAndLeaveTablesIntact(String hostile) {
        String safe = hostile.replace("\u0000", ""); // PostgreSQL text cannot hold NUL at all
        Author author = new Author(safe, 1);
        mapper.inTransactionMono(s -> s.add(author)).block(TIMEOUT);
        StepVerifier.create(mapper.withSession(s -> s.select(Author.class).where(Author_.name.eq(safe)).all()))
                .assertNext(a -> assertThat(a.getName()).isEqualTo(safe))
                .verifyComplete();
        StepVerifier.create(mapper.withSession(s -> s.select(Author.class).where(Author_.name.contains(safe)).all()))
                .assertNext(a -> assertThat(a.getName()).isEqualTo(safe))
                .verifyComplete();
        StepVerifier.create(mapper.withSession(s -> s.select(Author.class).where(Author_.name.startsWith(safe)).all()))
                .expectNextCount(1)
                .verifyComplete();
        StepVerifier.create(mapper.withSession(s -> s.select(Author.class).where(Author_.name.in(safe, "x")).all()))
                .expectNextCount(1)
                .verifyComplete();
        mapper.inTransactionMono(s -> s.get(Author.class, author.getId()).doOnNext(a -> a.setName(safe + safe))).block(TIMEOUT);
        assertThat(rows("SELECT name FROM authors")).containsExactly(List.of(safe + safe));
        assertThat(count("books")).isZero(); // tables still there
    }
}
