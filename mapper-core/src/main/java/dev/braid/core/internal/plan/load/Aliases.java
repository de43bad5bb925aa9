package dev.braid.core.internal.plan.load;

import java.util.HashSet;
import java.util.Set;

/** Table aliases of one statement: the table's own name while it is free, then {@code name_2}, {@code name_3}. */
final class Aliases {
    private final Set<String> used = new HashSet<>();

    /**
     * The aliases of a subquery or of a member of a set operation: distinct from every alias given so far
     * (those of the levels around it, which it may refer to), while siblings may reuse each other's.
     */
    Aliases child() {
        Aliases child = new Aliases();
        child.used.addAll(used);
        return child;
    }

    /** Keeps {@code name} (a common table's) from ever being handed out as an alias. */
    void reserve(String name) {
        used.add(name);
    }

    String next(String table) {
        if (used.add(table)) return table;
        for (int i = 2; ; i++) {
            String candidate = table + "_" + i;
            if (used.add(candidate)) return candidate;
        }
    }
}
