package dev.braid.core.internal.sql;

import dev.braid.statement.RenderedSql;
import dev.braid.statement.Bind;
import dev.braid.dialect.Dialect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An UPDATE of many rows by key: over arrays on PostgreSQL, a MERGE over VALUES on H2. */
class UpdateFromArraysRenderingTest {
    private final SqlStatement.UpdateFromArrays update = new SqlStatement.UpdateFromArrays("staff", "id",
            List.of("department_id"),
            List.of(SqlExpression.Parameter.of(new Long[]{1L, 2L}), SqlExpression.Parameter.of(new Long[]{10L, 20L})),
            List.of("bigint", "bigint"));

    @Test
    void postgresJoinsTheArrays() {
        RenderedSql sql = new SqlRenderer(Dialect.postgresql()).render(update);
        assertThat(sql.sql()).isEqualTo("UPDATE staff SET department_id = braid_v.department_id FROM"
                + " unnest($1::bigint[], $2::bigint[]) AS braid_v (id, department_id) WHERE staff.id = braid_v.id");
        assertThat(sql.binds()).hasSize(2);
    }

    @Test
    void h2MergesAValuesListRowByRow() {
        RenderedSql sql = new SqlRenderer(Dialect.h2()).render(update);
        assertThat(sql.sql()).isEqualTo("MERGE INTO staff USING (VALUES ($1, $2), ($3, $4)) AS braid_v (id, department_id)"
                + " ON staff.id = braid_v.id WHEN MATCHED THEN UPDATE SET department_id = braid_v.department_id");
        assertThat(sql.binds()).extracting(Bind::value).containsExactly(1L, 10L, 2L, 20L);
        assertThat(sql.binds()).extracting(Bind::type).containsOnly(Long.class);
    }
}
