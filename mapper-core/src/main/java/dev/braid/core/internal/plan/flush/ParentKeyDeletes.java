package dev.braid.core.internal.plan.flush;

import dev.braid.annotation.Cascade;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.RelationshipMapping;

/**
 * Which cascaded children can be deleted with one statement by their parents' keys instead of being
 * read and deleted one by one: the children hold the foreign key (one-to-many, reverse one-to-one),
 * and deleting one of them needs nothing else (no rows of their own to cascade to or detach, no link
 * rows, no version to check) unless the database does it (passiveDeletes).
 */
final class ParentKeyDeletes {
    private ParentKeyDeletes() {}

    /** True when the targets of {@code r} go by their parents' keys when a parent is deleted. */
    static boolean deletableByParentKey(RelationshipMapping r) {
        return r.cascades(Cascade.DELETE) && whyReadFirst(r) == null;
    }

    /** Why the targets of {@code r} must be read before they can be deleted, or null when they need not be. */
    static String whyReadFirst(RelationshipMapping r) {
        EntityMapping target = r.target();
        if (r.ownsForeignKey() || r.link() != null) return "it is not a child holding the foreign key";
        if (target.versionColumn().isPresent()) return "its version is checked";
        if (r.owner().idColumns().size() != 1) return r.owner().name() + " has a composite key";
        for (RelationshipMapping own : target.relationships()) {
            // A reference to another row needs nothing when this row goes; rows referencing it do.
            if (!own.ownsForeignKey() && !own.passiveDeletes()) return own.qualifiedName() + " must be cascaded or detached";
        }
        return null;
    }
}
