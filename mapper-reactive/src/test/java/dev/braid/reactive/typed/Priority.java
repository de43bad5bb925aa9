package dev.braid.reactive.typed;

/** Stored by a converter as its one-letter code. */
public enum Priority {
    LOW("L"), HIGH("H");

    final String code;

    Priority(String code) { this.code = code; }

    public static Priority ofCode(String code) {
        for (Priority p : values()) if (p.code.equals(code)) return p;
        throw new IllegalArgumentException("no priority " + code);
    }
}
