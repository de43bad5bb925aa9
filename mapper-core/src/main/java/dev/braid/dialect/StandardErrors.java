package dev.braid.dialect;

import org.jspecify.annotations.Nullable;

/**
 * The SQL standard's SQLSTATE classes that every database shares: class 08 (connection exception,
 * which drivers also report for a closed socket), 23 (integrity constraint violation), 22001 (string
 * data right truncation), 22003 (numeric value out of range), 22021 (character not in repertoire) and
 * 40001 (serialization failure). Dialects start from these and add their own codes.
 */
public class StandardErrors implements ErrorClassifier {
    static final StandardErrors INSTANCE = new StandardErrors();

    /** For dialects that add their own codes to the standard's. */
    protected StandardErrors() {}

    @Override
    public ErrorKind kind(@Nullable String sqlState) {
        if (sqlState == null) return ErrorKind.OTHER;
        if (sqlState.startsWith("08")) return ErrorKind.CONNECTION_LOST;
        if (sqlState.startsWith("23")) return ErrorKind.CONSTRAINT_VIOLATION;
        return switch (sqlState) {
            case "22001" -> ErrorKind.VALUE_TOO_LONG;
            case "22003" -> ErrorKind.VALUE_OUT_OF_RANGE;
            case "22021" -> ErrorKind.INVALID_TEXT;
            case "40001" -> ErrorKind.SERIALIZATION_FAILURE;
            default -> ErrorKind.OTHER;
        };
    }
}
