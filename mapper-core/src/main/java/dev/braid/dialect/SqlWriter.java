package dev.braid.dialect;

import java.util.List;

/**
 * Where a renderer writes one statement: SQL text, identifiers quoted by the dialect, and bound values
 * (each appends its marker). Capability objects write their database's part of a statement through
 * it, so that they need no knowledge of the SQL model and text and binds stay in marker order.
 */
public interface SqlWriter {

    /** Appends SQL text as it is (keywords, punctuation; never a value). */
    SqlWriter append(String sql);

    /** Appends one character of SQL text. */
    SqlWriter append(char c);

    /** Appends a table, column or alias name as the dialect spells it (bare or quoted). */
    SqlWriter identifier(String name);

    /** Appends {@code names} as identifiers separated by {@code ", "}. */
    default SqlWriter identifiers(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) append(", ");
            identifier(names.get(i));
        }
        return this;
    }

    /** Binds {@code value} (a driver value or null) of driver class {@code type} and appends its marker. */
    SqlWriter bind(Object value, Class<?> type);
}
