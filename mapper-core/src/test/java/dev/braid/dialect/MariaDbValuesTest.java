package dev.braid.dialect;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** MariaDB's value adapter without a database: instants and offset times go to the driver as UTC LocalDateTimes. */
class MariaDbValuesTest {
    private final ValueAdapter values = Dialect.mariadb().values();

    @Test
    void offsetTimesAndInstantsTravelAsUtcLocalDateTimes() {
        OffsetDateTime noon = OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2));
        assertThat(values.toDriver(noon)).isEqualTo(LocalDateTime.of(2024, 6, 1, 10, 0));
        assertThat(values.toDriver(Instant.parse("2030-01-01T00:00:00.000001Z")))
                .isEqualTo(LocalDateTime.of(2030, 1, 1, 0, 0, 0, 1_000));
        assertThat(values.driverClass(OffsetDateTime.class)).isEqualTo(LocalDateTime.class);
        assertThat(values.driverClass(Instant.class)).isEqualTo(LocalDateTime.class);
        // Read back at offset UTC: the same instant, not the offset it was written with.
        Object read = values.fromDriver(LocalDateTime.of(2024, 6, 1, 10, 0), OffsetDateTime.class);
        assertThat(read).isEqualTo(OffsetDateTime.of(2024, 6, 1, 10, 0, 0, 0, ZoneOffset.UTC));
        assertThat(((OffsetDateTime) read).toInstant()).isEqualTo(noon.toInstant());
        assertThat(values.fromDriver(LocalDateTime.of(2030, 1, 1, 0, 0), Instant.class)).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void everyOtherValueGoesAsItIs() {
        UUID id = UUID.randomUUID();
        LocalDateTime local = LocalDateTime.of(2024, 2, 29, 23, 59);
        for (Object v : new Object[]{id, local, BigDecimal.TEN, "text", 1, new byte[]{1}}) {
            assertThat(values.toDriver(v)).isSameAs(v);
            assertThat(values.fromDriver(v, v.getClass())).isSameAs(v);
        }
        assertThat(values.driverClass(LocalDateTime.class)).isEqualTo(LocalDateTime.class);
        assertThat(values.driverClass(UUID.class)).isEqualTo(UUID.class);
    }

    @Test
    void postgresAndH2KeepEveryValue() {
        OffsetDateTime t = OffsetDateTime.now();
        for (Dialect d : new Dialect[]{Dialect.postgresql(), Dialect.h2()}) {
            assertThat(d.values().toDriver(t)).isSameAs(t);
            assertThat(d.values().driverClass(OffsetDateTime.class)).isEqualTo(OffsetDateTime.class);
        }
    }
}
