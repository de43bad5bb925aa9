package dev.braid.dialect;

import org.jspecify.annotations.Nullable;

import java.util.Set;

/** The SQL standard's isolation level names, which are the only ones rendered into SQL text. */
public final class IsolationLevels {
    /** The level both supported databases run at unless told otherwise. */
    public static final String DEFAULT = "READ COMMITTED";

    private static final Set<String> STANDARD = Set.of("READ UNCOMMITTED", "READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE");

    private IsolationLevels() {}

    /**
     * Checks that an isolation level is one of the standard names, the only text rendered into SQL.
     *
     * @param level the level name, or null
     * @return {@code level}
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} for any other text
     */
    public static String requireStandard(@Nullable String level) {
        if (level == null || !STANDARD.contains(level)) {
            throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_ARGUMENT, "Unknown isolation level '" + level + "'. Fix: use one of " + STANDARD
                    + " (io.r2dbc.spi.IsolationLevel.SERIALIZABLE and its siblings)");
        }
        return level;
    }
}
