package dev.braid.core.internal.meta;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The query-only reverse of every many-to-many declared without {@code backPopulates} (a write-only one
 * typically): the target's side of the same link table, so {@code session.select(reader.followed)} can
 * ask for the targets linked to one owner. No field holds it; it takes part in no flush and no sync.
 */
public final class ImplicitReverses {
    private ImplicitReverses() {}

    /** The name the reverse of {@code r} is known by on its target ({@code "~Reader.followed"}). */
    public static String name(RelationshipMapping r) {
        return "~" + r.qualifiedName();
    }

    /** Creates and attaches the reverses of {@code relationships}' many-to-manys that have none. */
    static void attach(Map<EntityMapping, List<RelationshipMapping>> relationships) {
        Map<EntityMapping, Map<String, RelationshipMapping>> byTarget = new HashMap<>();
        for (List<RelationshipMapping> list : relationships.values()) {
            for (RelationshipMapping r : list) {
                if (r.link() == null || r.reverse() != null) continue;
                RelationshipMapping.LinkTable link = new RelationshipMapping.LinkTable(r.link().table(),
                        r.link().targetColumn(), r.link().ownerColumn(), r.link().mappedAsEntity());
                RelationshipMapping reverse = new RelationshipMapping(r.target(), name(r),
                        RelationshipMapping.Direction.MANY_TO_MANY, r.owner(), r.remoteColumn(), r.localColumn(), link,
                        null, dev.braid.annotation.LoadStrategy.WRITE_ONLY, java.util.Set.of(), 0, NO_FIELD, false);
                byTarget.computeIfAbsent(r.target(), k -> new HashMap<>()).put(reverse.attribute(), reverse);
            }
        }
        byTarget.forEach(EntityMapping::implicitReverses);
    }

    private static final PropertyAccess NO_FIELD = new PropertyAccess() {
        @Override
        public Object get(Object entity) {
            throw new MapperException(ErrorCode.BRAID_INTERNAL, "an implicit reverse has no field");
        }

        @Override
        public void set(Object entity, Object value) {
            throw new MapperException(ErrorCode.BRAID_INTERNAL, "an implicit reverse has no field");
        }
    };
}
