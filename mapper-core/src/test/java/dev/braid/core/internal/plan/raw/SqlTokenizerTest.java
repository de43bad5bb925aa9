package dev.braid.core.internal.plan.raw;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the tokenizer finds parameters, and what it leaves alone. */
class SqlTokenizerTest {

    /** The text with each parameter shown as [name] or [#index]. */
    private static String marked(String sql) {
        StringBuilder out = new StringBuilder();
        for (SqlText.Part part : SqlText.parse(sql).parts()) {
            if (part instanceof SqlText.Text t) out.append(t.sql());
            else if (part instanceof SqlText.Parameter p) out.append(p.named() ? "[" + p.name() + "]" : "[#" + p.index() + "]");
        }
        return out.toString();
    }

    private static MapperException error(String sql) {
        try {
            SqlText.parse(sql);
        } catch (MapperException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.BRAID_QUERY);
            return e;
        }
        throw new AssertionError("no error for " + sql);
    }

    @Test
    void namedParametersAreFoundAndRepeatedNamesListedOnce() {
        SqlText text = SqlText.parse("SELECT * FROM a WHERE x = :x AND (y > :min_y OR y IS NULL) AND z <> :x");
        assertThat(marked(text.source())).isEqualTo("SELECT * FROM a WHERE x = [x] AND (y > [min_y] OR y IS NULL) AND z <> [x]");
        assertThat(text.names()).containsExactly("x", "min_y");
        assertThat(text.namedStyle()).isTrue();
        assertThat(text.positionalCount()).isZero();
    }

    @Test
    void positionalParametersAreNumberedFromZero() {
        SqlText text = SqlText.parse("UPDATE a SET x = ? WHERE id = ?");
        assertThat(marked(text.source())).isEqualTo("UPDATE a SET x = [#0] WHERE id = [#1]");
        assertThat(text.positionalCount()).isEqualTo(2);
        assertThat(text.names()).isEmpty();
    }

    @Test
    void literalsQuotedIdentifiersAndCommentsAreLeftAlone() {
        assertThat(marked("SELECT ':no', 'it''s ?', \"col:x?\" FROM t WHERE a = :a"))
                .isEqualTo("SELECT ':no', 'it''s ?', \"col:x?\" FROM t WHERE a = [a]");
        assertThat(marked("SELECT 1 -- what about :x and ?\nFROM t WHERE b = :b"))
                .isEqualTo("SELECT 1 -- what about :x and ?\nFROM t WHERE b = [b]");
        assertThat(marked("SELECT /* :x /* nested ? */ still :y */ c FROM t WHERE c = :c"))
                .isEqualTo("SELECT /* :x /* nested ? */ still :y */ c FROM t WHERE c = [c]");
        assertThat(marked("SELECT E'it\\'s :x' FROM t WHERE d = :d")).isEqualTo("SELECT E'it\\'s :x' FROM t WHERE d = [d]");
        assertThat(marked("SELECT $$ :x ? $$, $tag$ it's :y $tag$ FROM t WHERE e = :e"))
                .isEqualTo("SELECT $$ :x ? $$, $tag$ it's :y $tag$ FROM t WHERE e = [e]");
    }

    @Test
    void castsTimesAndSlicesAreNotParameters() {
        assertThat(marked("SELECT x::text, '10:30'::time, arr[1:2] FROM t WHERE id = :id::bigint"))
                .isEqualTo("SELECT x::text, '10:30'::time, arr[1:2] FROM t WHERE id = [id]::bigint");
    }

    @Test
    void aDoubledQuestionMarkIsOneLiteralQuestionMark() {
        assertThat(marked("SELECT * FROM t WHERE doc ?? 'key' AND id = ?")).isEqualTo("SELECT * FROM t WHERE doc ? 'key' AND id = [#0]");
    }

    @Test
    void aDollarInsideAnIdentifierIsText() {
        assertThat(marked("SELECT a$b FROM t WHERE c = :c")).isEqualTo("SELECT a$b FROM t WHERE c = [c]");
    }

    @Test
    void mixedStylesAreRefusedNamingBoth() {
        assertThat(error("SELECT * FROM t WHERE a = :a AND b = ?").getMessage())
                .contains("mixes named (:a at offset 26) and positional (? at offset 37)").contains("use one style");
    }

    @Test
    void dialectMarkersAreRefused() {
        assertThat(error("SELECT * FROM t WHERE a = $1").getMessage())
                .contains("uses the marker $1 at offset 26").contains("write :name").contains("or ?");
    }

    @Test
    void unterminatedLiteralsIdentifiersAndCommentsAreRefused() {
        for (String sql : List.of("SELECT 'open FROM t WHERE a = :a", "SELECT \"open FROM t", "SELECT /* open FROM t",
                "SELECT $x$ open FROM t", "SELECT 'it''s FROM t")) {
            assertThat(error(sql).getMessage()).contains("unterminated");
        }
        assertThat(error("SELECT 'a' || 'b FROM t").getMessage()).contains("unterminated string literal starting at offset 14");
    }

    @Test
    void aTextWithoutParametersIsOnePart() {
        SqlText text = SqlText.parse("SELECT 1");
        assertThat(text.parts()).containsExactly(new SqlText.Text("SELECT 1"));
        assertThat(text.namedStyle()).isFalse();
    }
}
