package dev.braid.reactive.internal.exec;

import dev.braid.statement.Bind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which column a bind of Braid's own statements writes, and which bind exceeds a limit a driver reported. */
class BoundColumnsTest {

    @Test
    void insertsWithOneOrSeveralRowsAndArrays() {
        String one = "INSERT INTO accounts (code, email, balance, version) VALUES ($1, $2, $3, $4)";
        assertThat(BoundColumns.columnOf(one, 2)).isEqualTo("email");
        String rows = "SELECT id FROM FINAL TABLE (INSERT INTO \"groups\" (name, \"value\") VALUES ($1, $2), ($3, $4))";
        assertThat(BoundColumns.columnOf(rows, 4)).isEqualTo("value");
        assertThat(BoundColumns.columnOf(rows, 3)).isEqualTo("name");
        String arrays = "INSERT INTO books (title, author_id) SELECT * FROM unnest($1::varchar[], $2::bigint[])";
        assertThat(BoundColumns.columnOf(arrays, 2)).isEqualTo("author_id");
        assertThat(BoundColumns.columnOf(one, 9)).isNull();
    }

    @Test
    void updatesNameTheAssignedColumnButNotTheWhereClause() {
        String update = "UPDATE accounts SET email = $1, balance = $2 WHERE code = $3 AND version = $4";
        assertThat(BoundColumns.columnOf(update, 2)).isEqualTo("balance");
        assertThat(BoundColumns.columnOf(update, 3)).isNull();
        assertThat(BoundColumns.columnOf("SELECT 1 FROM t WHERE a = $1", 1)).isNull();
        assertThat(BoundColumns.columnOf(null, 1)).isNull();
    }

    @Test
    void theOneBindOverTheReportedLimitNamesTheColumn() {
        String sql = "INSERT INTO accounts (code, email, balance, version) VALUES ($1, $2, $3, $4)";
        List<Bind> binds = List.of(new Bind("c", String.class), new Bind("x".repeat(21), String.class),
                new Bind(new BigDecimal("12345678901.5"), BigDecimal.class), new Bind(1L, Long.class));
        DriverErrorDetails tooLong = new DriverErrorDetails("value too long for type character varying(20)", null, "accounts", null, null);
        assertThat(OversizedBinds.column(dev.braid.dialect.Dialect.postgresql().errors(), "22001", tooLong, sql, binds)).isEqualTo("email");
        DriverErrorDetails overflow = new DriverErrorDetails("numeric field overflow", null, "accounts", null,
                "A field with precision 12, scale 2 must round to an absolute value less than 10^10.");
        assertThat(OversizedBinds.column(dev.braid.dialect.Dialect.postgresql().errors(), "22003", overflow, sql, binds)).isEqualTo("balance");
        List<Bind> twoLong = List.of(new Bind("x".repeat(21), String.class), new Bind("y".repeat(30), String.class));
        assertThat(OversizedBinds.column(dev.braid.dialect.Dialect.postgresql().errors(), "22001", tooLong, sql, twoLong)).as("ambiguous").isNull();
        List<Bind> arrays = List.of(new Bind(new String[]{"a", "x".repeat(21)}, String[].class));
        assertThat(OversizedBinds.column(dev.braid.dialect.Dialect.postgresql().errors(), "22001", tooLong, "INSERT INTO t (code) SELECT * FROM unnest($1::text[])", arrays))
                .isEqualTo("code");
    }
}
