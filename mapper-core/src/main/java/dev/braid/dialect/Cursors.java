package dev.braid.dialect;

/**
 * Server-side cursors, which window a streamed query: declared over the SELECT, fetched window by
 * window, closed at the end or on cancel. A dialect without them streams with keyset windows.
 * Cursor names are Braid's own, never user text; each method writes the name as an identifier.
 */
public interface Cursors {

    /**
     * The statement declaring a cursor over a SELECT.
     *
     * @param name      the cursor's name
     * @param selectSql the SELECT, whose binds the declaration keeps
     * @return the DECLARE statement
     */
    String declare(String name, String selectSql);

    /**
     * The statement reading the next window of a cursor.
     *
     * @param name the cursor's name
     * @param rows the most rows to read
     * @return the FETCH statement
     */
    String fetch(String name, int rows);

    /**
     * The statement closing a cursor.
     *
     * @param name the cursor's name
     * @return the CLOSE statement
     */
    String close(String name);
}
