package dev.braid.core.internal.dialect.postgresql;

import dev.braid.dialect.Cursors;
import dev.braid.dialect.Identifiers;

/** {@code DECLARE name NO SCROLL CURSOR FOR ...}, {@code FETCH FORWARD n FROM name}, {@code CLOSE name}. */
final class PostgresCursors implements Cursors {
    private final Identifiers identifiers;

    PostgresCursors(Identifiers identifiers) {
        this.identifiers = identifiers;
    }

    @Override
    public String declare(String name, String selectSql) {
        return "DECLARE " + identifiers.render(name) + " NO SCROLL CURSOR FOR " + selectSql;
    }

    // rows is Braid's window size, never user text.
    @Override
    public String fetch(String name, int rows) {
        return "FETCH FORWARD " + rows + " FROM " + identifiers.render(name);
    }

    @Override
    public String close(String name) {
        return "CLOSE " + identifiers.render(name);
    }
}
