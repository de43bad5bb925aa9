package dev.braid.core.internal.meta;

import java.util.function.Supplier;

/**
 * What a user declared about where an attribute's value comes from, besides the key generation of
 * {@link IdGeneration}: the sequence of a {@link IdGeneration#SEQUENCE} key, a server default for the
 * DDL, a client default, a creation or update timestamp. Unvalidated (the configure step judges it).
 *
 * @param sequence            the sequence name of a SEQUENCE key; empty for {@code <table>_seq}; null otherwise
 * @param allocationSize      keys per sequence round trip (the sequence's INCREMENT BY)
 * @param serverDefault       the DDL default expression, or null
 * @param clientDefault       the client default supplier (builder form), or null
 * @param clientDefaultClass  a {@code Supplier} class to instantiate (annotation form), or null
 * @param clientDefaultMethod a static no-arg method of the entity (annotation form), or null
 * @param timestamp           whether the flush sets it as a creation or update timestamp
 */
public record ColumnOptions(String sequence, int allocationSize, String serverDefault, Supplier<?> clientDefault,
                            Class<?> clientDefaultClass, String clientDefaultMethod, Timestamp timestamp) {
    /** Nothing declared. */
    public static final ColumnOptions NONE = new ColumnOptions(null, 0, null, null, null, null, Timestamp.NONE);

    /** Timestamps the flush sets. */
    public enum Timestamp {
        /** Not a timestamp. */
        NONE,
        /** Set at INSERT when null. */
        CREATED,
        /** Set at INSERT when null and by every UPDATE. */
        UPDATED,
        /** Declared both a creation and an update timestamp (reported by configure). */
        BOTH
    }

    public ColumnOptions {
        if (timestamp == null) timestamp = Timestamp.NONE;
    }

    /** True when a client default is declared, in any form. */
    public boolean hasClientDefault() {
        return clientDefault != null || clientDefaultClass != null || clientDefaultMethod != null;
    }

    ColumnOptions withSequence(String name, int size) {
        return new ColumnOptions(name, size, serverDefault, clientDefault, clientDefaultClass, clientDefaultMethod, timestamp);
    }
}
