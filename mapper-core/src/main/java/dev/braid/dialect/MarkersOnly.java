package dev.braid.dialect;

import java.util.Optional;

/** Lists as one marker per value, whatever their length; no arrays, no key tables. */
final class MarkersOnly implements InLists {
    static final MarkersOnly INSTANCE = new MarkersOnly();

    private MarkersOnly() {}

    @Override
    public int arrayThreshold() { return Integer.MAX_VALUE; }

    @Override
    public int maxArrayLength() { return Integer.MAX_VALUE; }

    @Override
    public void equalsAnyOf(Object[] array, SqlWriter out) {
        throw dev.braid.core.internal.util.Require.bug("This dialect binds no arrays");
    }

    @Override
    public Optional<KeyTable> keyTable() { return Optional.empty(); }
}
