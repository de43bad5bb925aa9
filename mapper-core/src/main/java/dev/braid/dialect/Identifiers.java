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
    private final char quote;

    /**
     * A quoting rule for one database that quotes with double quotes (standard SQL).
     *
     * @param reserved the database's reserved words, lower-case: they are always quoted
     */
    public Identifiers(Set<String> reserved) {
        this(reserved, '"');
    }

    /**
     * A quoting rule for one database that quotes with {@code quote} (a backtick on MariaDB and MySQL).
     *
     * @param reserved the database's reserved words, lower-case: they are always quoted
     * @param quote    the quote character; an embedded one is doubled
     */
    public Identifiers(Set<String> reserved, char quote) {
        this.reserved = reserved;
        this.quote = quote;
    }

    /**
     * An identifier as it must appear in SQL.
     *
     * @param name a table, column or alias name
     * @return {@code name} bare, or quoted with embedded quotes doubled
     */
    public String render(String name) {
        if (PLAIN.matcher(name).matches() && !reserved.contains(name)) {
            return name;
        }
        String q = String.valueOf(quote);
        return q + name.replace(q, q + q) + q;
    }
}
