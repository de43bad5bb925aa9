package dev.braid.core.internal.dialect.postgresql;

import dev.braid.dialect.Identifiers;
import dev.braid.dialect.Sequences;
import dev.braid.dialect.SqlWriter;

/**
 * PostgreSQL draws from a sequence with {@code nextval(regclass)}: the name is bound as text, spelled as
 * in SQL (quoted where it must be), so nothing is concatenated into the statement.
 */
final class PostgresSequences implements Sequences {
    private final Identifiers identifiers;

    PostgresSequences(Identifiers identifiers) {
        this.identifiers = identifiers;
    }

    @Override
    public void nextValue(String name, SqlWriter out) {
        out.append("SELECT nextval(").bind(identifiers.render(name), String.class).append(')');
    }
}
