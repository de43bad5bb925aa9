package dev.braid.core.internal.plan.raw;

import dev.braid.dialect.Dialect;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.statement.Bind;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Binding raw SQL parameters and rendering them with each dialect's markers. */
class RawStatementTest {
    private static final StatementOrigin RAW = StatementOrigin.of(StatementOrigin.Kind.RAW_SQL);

    enum Mood { HAPPY, GRUMPY { @Override public String toString() { return "grr"; } } }

    private static String message(Executable call) {
        try {
            call.execute();
        } catch (MapperException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.BRAID_QUERY);
            return e.getMessage();
        } catch (Throwable e) {
            throw new AssertionError("unexpected " + e, e);
        }
        throw new AssertionError("no error");
    }

    @Test
    void namedParametersBecomeTheDialectsMarkersInOrderOneBindPerOccurrence() {
        RawStatement s = RawStatement.parse("SELECT * FROM authors WHERE name = :name OR alias = :name AND born > :born")
                .bind("born", 1800).bind("name", "Austen");
        RenderedSql pg = s.render(Dialect.postgresql(), RAW);
        assertThat(pg.sql()).isEqualTo("SELECT * FROM authors WHERE name = $1 OR alias = $2 AND born > $3");
        assertThat(pg.binds()).containsExactly(new Bind("Austen", String.class), new Bind("Austen", String.class),
                new Bind(1800, Integer.class));
        assertThat(pg.origin()).isEqualTo(RAW);
        assertThat(s.render(Dialect.h2(), RAW).sql()).isEqualTo(pg.sql());
        assertThat(s.render(new dev.braid.core.internal.dialect.standard.StandardSqlDialect(), RAW).sql())
                .isEqualTo("SELECT * FROM authors WHERE name = ? OR alias = ? AND born > ?");
    }

    @Test
    void positionalParametersAreBoundFromZero() {
        RenderedSql sql = RawStatement.parse("UPDATE authors SET name = ? WHERE id = ?").bind(1, 7L).bind(0, "x")
                .render(Dialect.postgresql(), RAW);
        assertThat(sql.sql()).isEqualTo("UPDATE authors SET name = $1 WHERE id = $2");
        assertThat(sql.binds()).extracting(Bind::value).containsExactly("x", 7L);
    }

    @Test
    void aCollectionExpandsToOneMarkerPerElementAndAnArrayStaysOneValue() {
        RenderedSql in = RawStatement.parse("SELECT * FROM t WHERE id IN (:ids) AND k = :k").bind("ids", List.of(3L, 1L, 2L))
                .bind("k", "v").render(Dialect.postgresql(), RAW);
        assertThat(in.sql()).isEqualTo("SELECT * FROM t WHERE id IN ($1, $2, $3) AND k = $4");
        assertThat(in.binds()).extracting(Bind::value).containsExactly(3L, 1L, 2L, "v");
        Long[] ids = {1L, 2L};
        RenderedSql any = RawStatement.parse("SELECT * FROM t WHERE id = ANY(:ids)").bind("ids", ids).render(Dialect.postgresql(), RAW);
        assertThat(any.sql()).isEqualTo("SELECT * FROM t WHERE id = ANY($1)");
        assertThat(any.binds()).containsExactly(new Bind(ids, Long[].class));
    }

    @Test
    void valuesAreConvertedAsBraidStoresThem() {
        Instant instant = Instant.parse("2024-01-02T03:04:05Z");
        RenderedSql sql = RawStatement.parse("SELECT :mood, :grumpy, :at, :moods").bind("mood", Mood.HAPPY)
                .bind("grumpy", Mood.GRUMPY).bind("at", instant).bind("moods", List.of(Mood.HAPPY, Mood.GRUMPY))
                .render(Dialect.postgresql(), RAW);
        assertThat(sql.binds()).containsExactly(new Bind("HAPPY", String.class), new Bind("GRUMPY", String.class),
                new Bind(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), OffsetDateTime.class),
                new Bind("HAPPY", String.class), new Bind("GRUMPY", String.class));
    }

    @Test
    void nullsAreBoundWithTheirDriverType() {
        RenderedSql sql = RawStatement.parse("UPDATE t SET a = :a, b = :b")
                .bindNull("a", int.class).bindNull("b", Instant.class).render(Dialect.postgresql(), RAW);
        assertThat(sql.binds()).containsExactly(new Bind(null, Integer.class), new Bind(null, OffsetDateTime.class));
        assertThat(RawStatement.parse("SELECT ?").bindNull(0, Mood.class).render(Dialect.h2(), RAW).binds())
                .containsExactly(new Bind(null, String.class));
    }

    @Test
    void aNullValueIsRefusedWithTheFix() {
        assertThat(message(() -> RawStatement.parse("SELECT :a").bind("a", null)))
                .contains("bind(\"a\", null)").contains("Fix: bindNull(\"a\", TheType.class)");
        assertThat(message(() -> RawStatement.parse("SELECT ?").bind(0, null))).contains("Fix: bindNull(0, TheType.class)");
    }

    @Test
    void anUnknownNameIsRefusedNamingTheParametersThereAre() {
        assertThat(message(() -> RawStatement.parse("SELECT * FROM t WHERE a = :a AND b = :b").bind("c", 1)))
                .contains("bind(\"c\", ...)").contains("has no parameter :c").contains("[:a, :b]");
        assertThat(message(() -> RawStatement.parse("SELECT * FROM t WHERE a = ?").bind("a", 1)))
                .contains("uses positional ? parameters");
        assertThat(message(() -> RawStatement.parse("SELECT 1").bind("a", 1))).contains("has no parameters");
    }

    @Test
    void aPositionOutsideTheTextIsRefused() {
        assertThat(message(() -> RawStatement.parse("SELECT ?, ?").bind(2, 1)))
                .contains("has no ? at index 2 (indexes start at 0)").contains("indexes 0 to 1");
        assertThat(message(() -> RawStatement.parse("SELECT :a").bind(0, 1))).contains("uses named parameters [:a]");
    }

    @Test
    void unboundParametersAreNamedWhenRendering() {
        assertThat(message(() -> RawStatement.parse("SELECT :a, :b, :a").bind("b", 1).render(Dialect.h2(), RAW)))
                .contains("unbound parameter(s) [:a]");
        assertThat(message(() -> RawStatement.parse("SELECT ?, ?").bind(1, 1).render(Dialect.h2(), RAW)))
                .contains("unbound parameter(s) [?#0]");
    }

    @Test
    void emptyOrNullHoldingCollectionsAreRefused() {
        assertThat(message(() -> RawStatement.parse("SELECT * FROM t WHERE id IN (:ids)").bind("ids", List.of())))
                .contains("bound to :ids is empty");
        assertThat(message(() -> RawStatement.parse("SELECT * FROM t WHERE id IN (?)").bind(0, java.util.Arrays.asList(1L, null))))
                .contains("bound to ?#0 holds null (element 1)");
    }

    @Test
    void bindingReturnsANewStatement() {
        RawStatement unbound = RawStatement.parse("SELECT :a");
        RawStatement bound = unbound.bind("a", 1);
        assertThat(bound.render(Dialect.h2(), RAW).binds()).hasSize(1);
        assertThatThrownBy(() -> unbound.render(Dialect.h2(), RAW)).hasMessageContaining("unbound");
    }
}
