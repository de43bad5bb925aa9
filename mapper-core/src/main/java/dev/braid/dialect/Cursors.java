package dev.braid.dialect;

/**
 * Server-side cursors, which window a streamed query: declared over the SELECT, fetched window by
 * window, closed at the end or on cancel. A dialect without them streams with keyset windows.
 * Cursor names are Braid's own, never user text; each method writes the name as an identifier.
 */
public interface Cursors {

    /** The statement declaring cursor {@code name} over {@code selectSql} (whose binds it keeps). */
    String declare(String name, String selectSql);

    /** The statement reading the next {@code rows} rows of cursor {@code name}. */
    String fetch(String name, int rows);

    /** The statement closing cursor {@code name}. */
    String close(String name);
}
