package dev.braid.mapping;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.LoadStrategy;
import dev.braid.core.internal.meta.RelationOptions;
import dev.braid.core.internal.meta.RelationSpec;
import dev.braid.core.internal.util.Require;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Details of one relationship in an {@link EntityDefinition}: foreign key, reverse relationship, load strategy,
 * cascades, chunk size, ordering, extra conditions; e.g. {@code .oneToMany("books", Book.class, r -> r.backPopulates("author"))}.
 */
public final class RelationDefinition {
    // Package-private: EntityDefinition's shortcuts (id, identity, version, foreignKey, ...) set them directly.
    final String attribute;
    final RelationSpec.Kind kind;
    final Class<?> target;
    @Nullable String foreignKey;
    @Nullable String backPopulates;
    @Nullable String linkTable;
    @Nullable String linkColumn;
    @Nullable String linkInverseColumn;
    LoadStrategy load = LoadStrategy.DEFAULT;
    Set<Cascade> cascade = Set.of();
    int chunkSize;
    boolean passiveDeletes;
    RelationOptions options = RelationOptions.NONE;

    RelationDefinition(String attribute, RelationSpec.Kind kind, Class<?> target) {
        this.attribute = Require.nonNull(attribute, "attribute");
        this.kind = kind;
        this.target = Require.nonNull(target, "target");
    }

    /**
     * The foreign-key attribute (on this entity for to-one, on the target for one-to-many), when it is
     * not the only one linking the two tables.
     *
     * @param attribute the foreign-key attribute's field name
     * @return these details
     */
    public RelationDefinition foreignKey(String attribute) { this.foreignKey = attribute; return this; }

    /**
     * The reverse relationship on the target, kept in sync in memory.
     *
     * @param reverse the reverse relationship's field name on the target
     * @return these details
     */
    public RelationDefinition backPopulates(String reverse) { this.backPopulates = reverse; return this; }

    /**
     * How the relationship is loaded when a query does not say otherwise.
     *
     * @param strategy the load strategy ({@link LoadStrategy#DEFAULT}, raise, unless set)
     * @return these details
     */
    public RelationDefinition load(LoadStrategy strategy) { this.load = strategy; return this; }

    /**
     * What session operations do to the related objects (replacing earlier calls).
     *
     * @param cascades the cascades; none means the defaults (SAVE_UPDATE, MERGE)
     * @return these details
     */
    public RelationDefinition cascade(Cascade... cascades) { this.cascade = Set.of(cascades); return this; }

    /**
     * Keys per selectin query.
     *
     * @param keysPerQuery the chunk size; 0 for the dialect's default
     * @return these details
     */
    public RelationDefinition chunkSize(int keysPerQuery) { this.chunkSize = keysPerQuery; return this; }

    /**
     * Leave children of a deleted parent to the database's ON DELETE CASCADE (which the DDL adds).
     *
     * @return these details
     */
    public RelationDefinition passiveDeletes() { this.passiveDeletes = true; return this; }

    /**
     * The order of the loaded collection, by the target's attributes ({@code Book_.title.desc()}); the
     * primary key breaks ties. JOINED loads sort in SQL, SELECTIN loads in memory after the last chunk
     * (NULLs where the database puts them by default). Members added in memory stay in insertion order
     * until the collection is loaded again.
     *
     * @param order the order terms, first the most significant (replacing earlier calls)
     * @return these details
     */
    public RelationDefinition orderBy(dev.braid.query.Order... order) {
        this.options = options.withOrder(RelationTerms.order(order));
        return this;
    }

    /**
     * The foreign-key attributes of a composite foreign key, one per column of the referenced composite
     * key in the order of its id attributes (on this entity for to-one, on the target for one-to-many).
     *
     * @param attributes the foreign-key attributes' field names
     * @return these details
     */
    public RelationDefinition foreignKeys(String... attributes) {
        this.options = options.withForeignKeys(java.util.Arrays.asList(attributes));
        return this;
    }

    /**
     * An extra join condition on the target's attributes ({@code Book_.active.eq(true)}): comparisons
     * and null checks, all of which must hold. Requires {@link #viewOnly()}.
     *
     * @param conditions the conditions (replacing earlier calls)
     * @return these details
     */
    public RelationDefinition where(dev.braid.query.Predicate... conditions) {
        this.options = options.withConditions(RelationTerms.conditions(conditions));
        return this;
    }

    /**
     * Only read this relationship: changing it fails with {@code BRAID_ARGUMENT}, the flush never writes through it.
     *
     * @return these details
     */
    public RelationDefinition viewOnly() { this.options = options.withViewOnly(true); return this; }

    RelationSpec toSpec() {
        return new RelationSpec(attribute, kind, target, foreignKey, backPopulates, linkTable, linkColumn,
                linkInverseColumn, load, cascade, chunkSize, passiveDeletes, options);
    }
}
