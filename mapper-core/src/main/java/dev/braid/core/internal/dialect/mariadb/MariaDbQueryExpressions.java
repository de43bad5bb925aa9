package dev.braid.core.internal.dialect.mariadb;

import dev.braid.dialect.QueryExpressions;
import dev.braid.dialect.SqlWriter;

/**
 * Standard SQL's query expressions (MariaDB has WITH RECURSIVE since 10.2, INTERSECT and EXCEPT since 10.3), except
 * that a backslash escapes inside MariaDB's string literals, so a LIKE escaped by {@code \} writes {@code ESCAPE '\\'}.
 */
final class MariaDbQueryExpressions implements QueryExpressions {
    static final MariaDbQueryExpressions INSTANCE = new MariaDbQueryExpressions();

    private MariaDbQueryExpressions() {}

    @Override
    public void likeEscape(char escape, SqlWriter out) {
        out.append(" ESCAPE '").append(escape == '\\' || escape == '\'' ? "" + escape + escape : String.valueOf(escape)).append('\'');
    }
}
