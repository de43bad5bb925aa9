package dev.braid.testkit;

import java.util.UUID;

final class Names {
    private Names() {
    }

    /** {@code braid_} followed by 12 random lowercase hex digits: a valid unquoted identifier on H2 and PostgreSQL. */
    static String unique() {
        return "braid_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
