package dev.braid.core.internal.sql;

import dev.braid.statement.RenderedSql;
import dev.braid.core.fixtures.Author;
import dev.braid.core.fixtures.Author_;
import dev.braid.core.fixtures.Fixtures;
import dev.braid.core.internal.plan.load.QueryPlanner;
import dev.braid.query.Query;
import dev.braid.dialect.Dialect;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** H2 binds a long {@code in(...)} as one array (several past H2's array limit) instead of a marker per value. */
class LongInListRenderingTest {
    private final QueryPlanner h2 = new QueryPlanner(Fixtures.registry(), Dialect.h2());
    private final QueryPlanner pg = new QueryPlanner(Fixtures.registry(), Dialect.postgresql());

    private static List<Long> ids(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    private RenderedSql h2(int n) {
        return h2.select(Query.from(Author.class).where(Author_.id.in(ids(n)))).sql();
    }

    @Test
    void upTo500ValuesKeepOneMarkerEach() {
        RenderedSql sql = h2(500);
        assertThat(sql.binds()).hasSize(500);
        assertThat(sql.sql()).contains("WHERE authors.id IN ($1, $2, ").endsWith(", $500)");
    }

    @Test
    void moreThan500ValuesAreOneArrayBind() {
        RenderedSql sql = h2(501);
        assertThat(sql.sql()).isEqualTo("SELECT authors.id, authors.name, authors.version FROM authors WHERE authors.id = ANY($1)");
        assertThat(sql.binds()).hasSize(1);
        assertThat(sql.binds().get(0).type()).isEqualTo(Long[].class);
        assertThat((Object[]) sql.binds().get(0).value()).hasSize(501).startsWith(1L, 2L).endsWith(501L);
    }

    @Test
    void moreValuesThanH2ArraysHoldAreSeveralArraysOred() {
        RenderedSql sql = h2.select(Query.from(Author.class).where(Author_.id.in(ids(100_001)).and(Author_.name.eq("x")))).sql();
        assertThat(sql.sql()).isEqualTo("SELECT authors.id, authors.name, authors.version FROM authors WHERE"
                + " (authors.id = ANY($1) OR authors.id = ANY($2)) AND authors.name = $3");
        assertThat((Object[]) sql.binds().get(0).value()).hasSize(65_536).startsWith(1L);
        assertThat((Object[]) sql.binds().get(1).value()).hasSize(100_001 - 65_536).startsWith(65_537L).endsWith(100_001L);
    }

    @Test
    void postgresBindsEveryListAsOneArray() {
        RenderedSql sql = pg.select(Query.from(Author.class).where(Author_.id.in(ids(100_001)))).sql();
        assertThat(sql.sql()).endsWith("WHERE authors.id = ANY($1)");
        assertThat((Object[]) sql.binds().get(0).value()).hasSize(100_001);
    }
}
