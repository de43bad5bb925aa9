package dev.braid.dialect;

/** {@code SELECT NEXT VALUE FOR name} (H2, MariaDB, the SQL standard). */
final class StandardSequences implements Sequences {
    static final StandardSequences INSTANCE = new StandardSequences();

    private StandardSequences() {}

    @Override
    public void nextValue(String name, SqlWriter out) {
        out.append("SELECT NEXT VALUE FOR ").identifier(name);
    }
}
