package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;
import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class MariaDbDefaultsTest extends DefaultsContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }

    @Test
    void anInstantsServerDefaultIsTheUtcTimeWhateverTheSessionsTimeZone() {
        // Instants are kept as UTC datetimes; a CURRENT_TIMESTAMP default would be the session's local time (5 hours ahead here).
        Object utc = Mono.usingWhen(database().connectionFactory().create(),
                (Connection c) -> Flux.concat(
                                Flux.from(c.createStatement("SET time_zone = '+05:00'").execute()).concatMap(r -> r.getRowsUpdated()),
                                Flux.from(c.createStatement("INSERT INTO tickets (id, title) VALUES (UUID(), 'raw')").execute())
                                        .concatMap(r -> r.getRowsUpdated()))
                        .then(Mono.from(c.createStatement("SELECT opened_on BETWEEN UTC_TIMESTAMP(6) - INTERVAL 1 HOUR"
                                + " AND UTC_TIMESTAMP(6) FROM tickets").execute()))
                        .flatMap(r -> Mono.from(r.map((row, meta) -> row.get(0)))),
                Connection::close).block(TIMEOUT);
        assertThat(((Number) utc).intValue()).isEqualTo(1);
    }
}
