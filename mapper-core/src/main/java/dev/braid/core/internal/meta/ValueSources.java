package dev.braid.core.internal.meta;

import java.util.ArrayList;
import java.util.List;

/**
 * The attributes of one entity whose values Braid fills in, found once: a generated UUID key (assigned
 * when the object enters the session), a sequence key (assigned at the flush), client defaults and
 * timestamps (applied at INSERT, update timestamps at UPDATE too), server defaults (read back after INSERT).
 */
public final class ValueSources {
    private static final ValueSources NONE = new ValueSources(null, null, List.of(), List.of(), List.of());

    private final ColumnMapping uuidKey;
    private final ColumnMapping sequenceKey;
    private final List<ColumnMapping> insertValues;
    private final List<ColumnMapping> updateTimestamps;
    private final List<ColumnMapping> serverDefaults;

    private ValueSources(ColumnMapping uuidKey, ColumnMapping sequenceKey, List<ColumnMapping> insertValues,
                         List<ColumnMapping> updateTimestamps, List<ColumnMapping> serverDefaults) {
        this.uuidKey = uuidKey;
        this.sequenceKey = sequenceKey;
        this.insertValues = List.copyOf(insertValues);
        this.updateTimestamps = List.copyOf(updateTimestamps);
        this.serverDefaults = List.copyOf(serverDefaults);
    }

    static ValueSources of(List<ColumnMapping> columns) {
        ColumnMapping uuid = null;
        ColumnMapping sequence = null;
        List<ColumnMapping> insert = new ArrayList<>();
        List<ColumnMapping> update = new ArrayList<>();
        List<ColumnMapping> server = new ArrayList<>();
        for (ColumnMapping c : columns) {
            if (c.generation() == IdGeneration.UUID_V4 || c.generation() == IdGeneration.UUID_V7) uuid = c;
            if (c.generation() == IdGeneration.SEQUENCE) sequence = c;
            ValueSource s = c.source();
            if (s.clientDefault() != null || s.timestamp() != ColumnOptions.Timestamp.NONE) insert.add(c);
            if (s.timestamp() == ColumnOptions.Timestamp.UPDATED) update.add(c);
            if (s.serverDefault() != null) server.add(c);
        }
        if (uuid == null && sequence == null && insert.isEmpty() && server.isEmpty()) return NONE;
        return new ValueSources(uuid, sequence, insert, update, server);
    }

    /** The UUID key assigned when an object enters the session, or null. */
    public ColumnMapping uuidKey() { return uuidKey; }

    /** The sequence key assigned at the flush, or null. */
    public ColumnMapping sequenceKey() { return sequenceKey; }

    /** Columns with a client default or a timestamp, set at INSERT when null. */
    public List<ColumnMapping> insertValues() { return insertValues; }

    /** Update timestamps, set by every UPDATE. */
    public List<ColumnMapping> updateTimestamps() { return updateTimestamps; }

    /** Columns with a server default: left out of an INSERT when null, and read back. */
    public List<ColumnMapping> serverDefaults() { return serverDefaults; }

    /** True when a row of this entity may need a server default read back. */
    public boolean hasServerDefaults() { return !serverDefaults.isEmpty(); }

    /** True when none of this entity's values is filled in by Braid. */
    public boolean isEmpty() { return this == NONE; }
}
