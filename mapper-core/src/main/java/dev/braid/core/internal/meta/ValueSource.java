package dev.braid.core.internal.meta;

import java.util.function.Supplier;

/**
 * The validated value source of one attribute, besides the application: a sequence (for
 * {@link IdGeneration#SEQUENCE} keys), a server default rendered in the DDL, a client default, a
 * creation or update timestamp.
 *
 * @param sequence       the sequence name of a sequence key, or null
 * @param allocationSize keys reserved per sequence round trip (0 when no sequence)
 * @param serverDefault  the DDL default expression, or null
 * @param clientDefault  computes the value at INSERT when it is null, or null
 * @param timestamp      set by the flush as a creation or update timestamp
 */
public record ValueSource(String sequence, int allocationSize, String serverDefault, Supplier<?> clientDefault,
                          ColumnOptions.Timestamp timestamp) {
    /** Nothing but the application. */
    public static final ValueSource NONE = new ValueSource(null, 0, null, null, ColumnOptions.Timestamp.NONE);

    /** True when nothing but the application sets the attribute. */
    public boolean isNone() {
        return sequence == null && serverDefault == null && clientDefault == null
                && timestamp == ColumnOptions.Timestamp.NONE;
    }
}
