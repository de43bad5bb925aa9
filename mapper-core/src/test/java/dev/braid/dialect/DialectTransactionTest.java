package dev.braid.dialect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How each dialect applies an isolation level and which SQLSTATEs it retries. */
class DialectTransactionTest {

    @Test
    void h2SetsTheSessionCharacteristicBeforeBeginAndResetsItAfterwards() {
        Dialect h2 = Dialect.h2();
        assertThat(h2.isolationBeforeBegin("SERIALIZABLE"))
                .containsExactly("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        assertThat(h2.isolationAfterEnd("SERIALIZABLE"))
                .containsExactly("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
        assertThat(h2.isolationBeforeBegin("REPEATABLE READ"))
                .containsExactly("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        // Already the default: nothing to put back.
        assertThat(h2.isolationAfterEnd("READ COMMITTED")).isEmpty();
    }

    @Test
    void postgresqlLetsBeginCarryTheLevel() {
        Dialect pg = Dialect.postgresql();
        assertThat(pg.isolationBeforeBegin("SERIALIZABLE")).isEmpty();
        assertThat(pg.isolationAfterEnd("SERIALIZABLE")).isEmpty();
    }

    @Test
    void onlyTheStandardLevelsBecomeSql() {
        for (Dialect dialect : List.of(Dialect.h2(), Dialect.postgresql())) {
            assertThatThrownBy(() -> dialect.isolationBeforeBegin("SERIALIZABLE; DROP TABLE x"))
                    .isInstanceOfSatisfying(dev.braid.error.MapperException.class,
                            e -> assertThat(e.code()).isEqualTo(dev.braid.error.ErrorCode.BRAID_ARGUMENT))
                    .hasMessageContaining("Unknown isolation level")
                    .hasMessageContaining("Fix:");
        }
    }

    @Test
    void serializationFailuresPerDatabase() {
        assertThat(Dialect.postgresql().isSerializationFailure("40001")).isTrue();
        assertThat(Dialect.postgresql().isSerializationFailure("40P01")).isTrue();
        assertThat(Dialect.postgresql().isSerializationFailure("23505")).isFalse();
        assertThat(Dialect.postgresql().isSerializationFailure(null)).isFalse();
        // H2 2.4: a conflicting write under REPEATABLE READ/SERIALIZABLE is 40001 ("Deadlock detected").
        assertThat(Dialect.h2().isSerializationFailure("40001")).isTrue();
        assertThat(Dialect.h2().isSerializationFailure("90131")).isTrue();
        assertThat(Dialect.h2().isSerializationFailure("40P01")).isFalse();
    }
}
