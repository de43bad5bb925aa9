package dev.braid.core.internal.meta;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.LoadStrategy;
import dev.braid.core.internal.util.Require;
import java.util.Set;

/**
 * What a user declared about one relationship, before validation.
 *
 * @param foreignKey     the foreign-key attribute (on this entity for to-one, on the target for one-to-many), or null
 * @param backPopulates  the reverse relationship's attribute on the target, or null
 * @param linkTable      many-to-many only: the link table and its two columns
 * @param options        order, composite foreign key, extra condition, view-only
 */
public record RelationSpec(String attribute, Kind kind, Class<?> target, String foreignKey, String backPopulates,
                           String linkTable, String linkColumn, String linkInverseColumn,
                           LoadStrategy load, Set<Cascade> cascade, int chunkSize, boolean passiveDeletes,
                           RelationOptions options) {
    /** The declared kind; one-to-one is resolved to its owning or reverse side at configure time. */
    public enum Kind { MANY_TO_ONE, ONE_TO_MANY, ONE_TO_ONE, MANY_TO_MANY, /** a wrapper field without annotation */ UNDECLARED }

    public RelationSpec {
        Require.nonNull(attribute, "attribute");
        Require.nonNull(kind, "kind");
        Require.nonNull(load, "load");
        cascade = Set.copyOf(cascade);
        if (foreignKey != null && foreignKey.isEmpty()) foreignKey = null;
        if (backPopulates != null && backPopulates.isEmpty()) backPopulates = null;
        if (options == null) options = RelationOptions.NONE;
    }

    public RelationSpec(String attribute, Kind kind, Class<?> target, String foreignKey, String backPopulates,
                        String linkTable, String linkColumn, String linkInverseColumn,
                        LoadStrategy load, Set<Cascade> cascade, int chunkSize, boolean passiveDeletes) {
        this(attribute, kind, target, foreignKey, backPopulates, linkTable, linkColumn, linkInverseColumn, load,
                cascade, chunkSize, passiveDeletes, RelationOptions.NONE);
    }

    public RelationSpec(String attribute, Kind kind, Class<?> target, String foreignKey, String backPopulates,
                        String linkTable, String linkColumn, String linkInverseColumn,
                        LoadStrategy load, Set<Cascade> cascade, int chunkSize) {
        this(attribute, kind, target, foreignKey, backPopulates, linkTable, linkColumn, linkInverseColumn, load,
                cascade, chunkSize, false);
    }
}
