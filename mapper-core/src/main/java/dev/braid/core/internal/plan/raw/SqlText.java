package dev.braid.core.internal.plan.raw;

import dev.braid.core.internal.util.Require;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A raw SQL text split into literal text and parameters, as {@link SqlTokenizer} found them: named
 * ({@code :name}) or positional ({@code ?}), never both in one statement. The text parts are kept
 * exactly as written (literals, quoted identifiers, comments, casts), except that {@code ??} became
 * one {@code ?}.
 *
 * @param source the text as the user wrote it
 * @param parts  text and parameters, in order
 */
public record SqlText(String source, List<Part> parts) {
    public SqlText {
        Require.nonNull(source, "sql");
        parts = List.copyOf(parts);
    }

    /**
     * Parses {@code sql}.
     *
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} for an unterminated literal, quoted identifier
     *         or comment, {@code $1}-style markers, or named and positional parameters mixed
     */
    public static SqlText parse(String sql) {
        return new SqlTokenizer(Require.nonNull(sql, "sql")).parse();
    }

    /** One piece of the text. */
    public sealed interface Part permits Text, Parameter {}

    /** SQL text copied as it is. */
    public record Text(String sql) implements Part {}

    /**
     * A parameter: {@code name} for {@code :name}, else the 0-based {@code index} of a {@code ?}.
     *
     * @param offset where it starts in the source, for messages
     */
    public record Parameter(String name, int index, int offset) implements Part {
        /** Whether this is a {@code :name} parameter. */
        public boolean named() {
            return name != null;
        }

        /** How a message names it: {@code :id} or {@code ?#0}. */
        public String label() {
            return named() ? ":" + name : "?#" + index;
        }
    }

    /** The distinct parameter names in order of first use; empty for positional or no parameters. */
    public List<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Part p : parts) {
            if (p instanceof Parameter param && param.named()) names.add(param.name());
        }
        return new ArrayList<>(names);
    }

    /** The number of {@code ?} parameters. */
    public int positionalCount() {
        int count = 0;
        for (Part p : parts) {
            if (p instanceof Parameter param && !param.named()) count++;
        }
        return count;
    }

    /** Whether the text uses {@code :name} parameters (else {@code ?} or none). */
    public boolean namedStyle() {
        for (Part p : parts) {
            if (p instanceof Parameter param) return param.named();
        }
        return false;
    }
}
