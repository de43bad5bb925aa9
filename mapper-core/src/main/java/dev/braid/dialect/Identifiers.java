package dev.braid.dialect;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Quoting rule shared by the dialects: a name that is lower-case letters, digits and underscores
 * and not reserved is written bare; anything else is quoted. Bare names read naturally in logs and
 * match tables created by hand; because the rule depends only on the name, every statement spells a
 * given identifier the same way, so quoted and bare never mix for one table.
 */
public final class Identifiers {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

    private final Set<String> reserved;

    /**
     * A quoting rule for one database.
     *
     * @param reserved the database's reserved words, lower-case: they are always quoted
     */
    public Identifiers(Set<String> reserved) {
        this.reserved = reserved;
    }

    /**
     * An identifier as it must appear in SQL.
     *
     * @param name a table, column or alias name
     * @return {@code name} bare, or double-quoted with embedded quotes doubled
     */
    public String render(String name) {
        if (PLAIN.matcher(name).matches() && !reserved.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
