package dev.braid.core.internal.sql;

import dev.braid.statement.RenderedSql;
import dev.braid.error.MapperException;
import dev.braid.core.fixtures.Author;
import dev.braid.core.fixtures.Author_;
import dev.braid.core.fixtures.Fixtures;
import dev.braid.core.fixtures.Group;
import dev.braid.core.fixtures.Group_;
import dev.braid.core.fixtures.Membership;
import dev.braid.core.fixtures.Membership_;
import dev.braid.core.internal.meta.EntityKey;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.plan.load.QueryPlanner;
import dev.braid.query.Predicate;
import dev.braid.query.Query;
import dev.braid.dialect.Dialect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlRenderingTest {
    private final MappingRegistry registry = Fixtures.registry();
    private final QueryPlanner pg = new QueryPlanner(registry, Dialect.postgresql());
    private final QueryPlanner h2 = new QueryPlanner(registry, Dialect.h2());

    private static List<Object> values(RenderedSql sql) {
        return sql.binds().stream().map(b -> b.value() instanceof Object[] a ? (Object) List.of(a) : b.value()).toList();
    }

    @Test
    void selectAllListsEveryColumnQualified() {
        RenderedSql sql = pg.select(Query.from(Author.class)).sql();
        assertThat(sql.sql()).isEqualTo("SELECT authors.id, authors.name, authors.version FROM authors");
        assertThat(sql.binds()).isEmpty();
        assertThat(h2.select(Query.from(Author.class)).sql().sql()).isEqualTo(sql.sql());
    }

    @Test
    void comparisonsBindValues() {
        Query<Author> q = Query.from(Author.class)
                .where(Author_.name.eq("Austen").and(Author_.id.gt(10L)).and(Author_.id.le(99L)))
                .where(Author_.name.ne("x").or(Author_.id.lt(3L)).or(Author_.id.ge(4L)));
        RenderedSql sql = pg.select(q).sql();
        assertThat(sql.sql()).isEqualTo("SELECT authors.id, authors.name, authors.version FROM authors WHERE "
                + "authors.name = $1 AND authors.id > $2 AND authors.id <= $3 AND "
                + "(authors.name <> $4 OR authors.id < $5 OR authors.id >= $6)");
        assertThat(values(sql)).containsExactly("Austen", 10L, 99L, "x", 3L, 4L);
    }

    @Test
    void inListIsOneArrayBindOnPostgresAndMarkersOnH2() {
        Query<Author> q = Query.from(Author.class).where(Author_.id.in(1L, 2L, 3L));
        RenderedSql onPg = pg.select(q).sql();
        assertThat(onPg.sql()).endsWith("WHERE authors.id = ANY($1)");
        assertThat(onPg.binds()).hasSize(1);
        assertThat(onPg.binds().get(0).value()).isEqualTo(new Long[]{1L, 2L, 3L});
        assertThat(onPg.binds().get(0).type()).isEqualTo(Long[].class);

        RenderedSql onH2 = h2.select(q).sql();
        assertThat(onH2.sql()).endsWith("WHERE authors.id IN ($1, $2, $3)");
        assertThat(values(onH2)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void emptyInListMatchesNothing() {
        RenderedSql sql = pg.select(Query.from(Author.class).where(Author_.id.in(List.of()))).sql();
        assertThat(sql.sql()).endsWith("WHERE 1 = 0");
        assertThat(sql.binds()).isEmpty();
    }

    @Test
    void nullChecksAndEqualsNull() {
        assertThat(pg.select(Query.from(Author.class).where(Author_.version.isNull())).sql().sql())
                .endsWith("WHERE authors.version IS NULL");
        assertThat(pg.select(Query.from(Author.class).where(Author_.version.isNotNull())).sql().sql())
                .endsWith("WHERE authors.version IS NOT NULL");
        assertThat(pg.select(Query.from(Author.class).where(Author_.name.eq(null))).sql().sql())
                .endsWith("WHERE authors.name IS NULL");
        assertThatThrownBy(() -> Author_.id.lt(null)).hasMessageContaining("isNull()");
    }

    @Test
    void notWrapsItsOperand() {
        RenderedSql sql = pg.select(Query.from(Author.class)
                .where(Predicate.not(Author_.name.eq("a").or(Author_.name.eq("b"))))).sql();
        assertThat(sql.sql()).endsWith("WHERE NOT (authors.name = $1 OR authors.name = $2)");
    }

    @Test
    void patternHelpersEscapeWildcardsAndTheEscapeCharacter() {
        RenderedSql sql = pg.select(Query.from(Author.class).where(Author_.name.contains("50%_off\\"))).sql();
        assertThat(sql.sql()).endsWith("WHERE authors.name LIKE $1 ESCAPE '\\'");
        assertThat(values(sql)).containsExactly("%50\\%\\_off\\\\%");
        assertThat(values(pg.select(Query.from(Author.class).where(Author_.name.startsWith("a_"))).sql()))
                .containsExactly("a\\_%");
        assertThat(values(pg.select(Query.from(Author.class).where(Author_.name.endsWith("%"))).sql()))
                .containsExactly("%\\%");
        assertThat(values(pg.select(Query.from(Author.class).where(Author_.name.like("A%n"))).sql()))
                .containsExactly("A%n");
    }

    @Test
    void injectionAttemptsStayInBinds() {
        String evil = "'; drop table authors;--";
        RenderedSql sql = pg.select(Query.from(Author.class).where(Author_.name.eq(evil))).sql();
        assertThat(sql.sql()).doesNotContain("drop").endsWith("WHERE authors.name = $1");
        assertThat(values(sql)).containsExactly(evil);
    }

    @Test
    void orderLimitOffsetAreBound() {
        RenderedSql sql = h2.select(Query.from(Author.class).orderBy(Author_.name.asc(), Author_.id.desc())
                .limit(10).offset(20)).sql();
        assertThat(sql.sql()).isEqualTo("SELECT authors.id, authors.name, authors.version FROM authors"
                + " ORDER BY authors.name, authors.id DESC LIMIT $1 OFFSET $2");
        assertThat(values(sql)).containsExactly(10L, 20L);
    }

    @Test
    void countAndExists() {
        Query<Author> q = Query.from(Author.class).where(Author_.name.eq("x"));
        assertThat(pg.count(q).sql()).isEqualTo("SELECT COUNT(*) FROM authors WHERE authors.name = $1");
        assertThat(pg.exists(q).sql()).isEqualTo("SELECT 1 FROM authors WHERE authors.name = $1 LIMIT $2");
    }

    @Test
    void reservedWordsAreQuotedPerDialect() {
        // GROUPS is a keyword in H2 2.x but not in PostgreSQL.
        assertThat(h2.select(Query.from(Group.class).where(Group_.name.eq("admin"))).sql().sql())
                .isEqualTo("SELECT \"groups\".id, \"groups\".name FROM \"groups\" WHERE \"groups\".name = $1");
        assertThat(pg.select(Query.from(Group.class)).sql().sql())
                .isEqualTo("SELECT groups.id, groups.name FROM groups");
        assertThat(Dialect.postgresql().identifier("order")).isEqualTo("\"order\"");
        assertThat(Dialect.postgresql().identifier("Mixed")).isEqualTo("\"Mixed\"");
        assertThat(Dialect.postgresql().identifier("we\"ird")).isEqualTo("\"we\"\"ird\"");
    }

    @Test
    void byCompositeKey() {
        RenderedSql sql = pg.byKey(new EntityKey(Membership.class, List.of(1L, 2L))).sql();
        assertThat(sql.sql()).isEqualTo("SELECT user_group_association.user_id, user_group_association.group_id,"
                + " user_group_association.joined_on FROM user_group_association"
                + " WHERE user_group_association.user_id = $1 AND user_group_association.group_id = $2");
        assertThat(values(sql)).containsExactly(1L, 2L);
    }

    @Test
    void queryErrorsNameTheAttribute() {
        assertThatThrownBy(() -> pg.select(Query.from(Author.class).where(Membership_.userId.eq(1L))))
                .isInstanceOf(MapperException.class)
                .hasMessageContaining("selects Author but filters or orders on Membership.userId");
        assertThatThrownBy(() -> pg.select(Query.from(Author.class)
                .where(dev.braid.query.Attribute.string(Author.class, "nmae").eq("x"))))
                .hasMessageContaining("Author.nmae is not a mapped attribute")
                .hasMessageContaining("[id, name, version]");
    }

    @Test
    void dialectFromProductName() {
        assertThat(Dialect.forProductName("PostgreSQL")).isSameAs(Dialect.postgresql());
        assertThat(Dialect.forProductName("H2")).isSameAs(Dialect.h2());
        assertThatThrownBy(() -> Dialect.forProductName("Oracle")).hasMessageContaining("No Braid dialect for database 'Oracle'");
    }
}
