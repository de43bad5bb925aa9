package dev.braid.dialect;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * Where a renderer writes one statement: SQL text, identifiers quoted by the dialect, and bound values
 * (each appends its marker). Capability objects write their database's part of a statement through
 * it, so that they need no knowledge of the SQL model and text and binds stay in marker order.
 */
public interface SqlWriter {

    /**
     * Appends SQL text as it is (keywords, punctuation; never a value).
     *
     * @param sql the text
     * @return this writer
     */
    SqlWriter append(String sql);

    /**
     * Appends one character of SQL text.
     *
     * @param c the character
     * @return this writer
     */
    SqlWriter append(char c);

    /**
     * Appends a table, column or alias name as the dialect spells it (bare or quoted).
     *
     * @param name the identifier
     * @return this writer
     */
    SqlWriter identifier(String name);

    /**
     * Appends {@code names} as identifiers separated by {@code ", "}.
     *
     * @param names the identifiers
     * @return this writer
     */
    default SqlWriter identifiers(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) append(", ");
            identifier(names.get(i));
        }
        return this;
    }

    /**
     * Binds a value and appends its marker.
     *
     * @param value a driver value, or null for SQL NULL
     * @param type  the driver class of the value (what a null is bound as)
     * @return this writer
     */
    SqlWriter bind(@Nullable Object value, Class<?> type);
}
