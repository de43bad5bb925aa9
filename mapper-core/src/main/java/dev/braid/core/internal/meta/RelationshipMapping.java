package dev.braid.core.internal.meta;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.LoadStrategy;
import dev.braid.core.internal.relation.RelationInternals;

import java.util.EnumSet;
import java.util.Set;

/**
 * A frozen relationship: its direction, the column pair that links the two tables (computed once at
 * configure time), its reverse, default load strategy and cascades.
 *
 * <p>For {@code MANY_TO_ONE} and owning {@code ONE_TO_ONE}: {@code localColumn} is this entity's
 * foreign key, {@code remoteColumn} the target's referenced key. For {@code ONE_TO_MANY} and the
 * reverse {@code ONE_TO_ONE_REVERSE}: {@code localColumn} is this entity's key, {@code remoteColumn}
 * the target's foreign key. For {@code MANY_TO_MANY}: both are the two keys and {@link #link()}
 * holds the link table.
 */
public final class RelationshipMapping {
    public enum Direction { MANY_TO_ONE, ONE_TO_ONE, ONE_TO_MANY, ONE_TO_ONE_REVERSE, MANY_TO_MANY }

    /** A link table: its name, the column referencing the owner and the column referencing the target. */
    public record LinkTable(String table, String ownerColumn, String targetColumn, boolean mappedAsEntity) {}

    private final EntityMapping owner;
    private final String attribute;
    private final Direction direction;
    private final EntityMapping target;
    private final ColumnMapping localColumn;
    private final ColumnMapping remoteColumn;
    private final LinkTable link;
    private final String reverseName;
    private final LoadStrategy load;
    private final Set<Cascade> cascade;
    private final int chunkSize;
    private final PropertyAccess access;
    private final boolean passiveDeletes;
    private RelationshipMapping reverse;
    private RelationshipOptions options = RelationshipOptions.NONE;
    private java.util.Comparator<Object> orderNullsHigh;
    private java.util.Comparator<Object> orderNullsLow;
    // How the wrappers of objects in sessions of this registry keep the other end in sync.
    private final Object syncRule; // the wrappers' package-private rule, opaque here

    RelationshipMapping(EntityMapping owner, String attribute, Direction direction, EntityMapping target,
                        ColumnMapping localColumn, ColumnMapping remoteColumn, LinkTable link, String reverseName,
                        LoadStrategy load, Set<Cascade> cascade, int chunkSize, PropertyAccess access,
                        boolean passiveDeletes) {
        this.passiveDeletes = passiveDeletes;
        this.owner = owner;
        this.attribute = attribute;
        this.direction = direction;
        this.target = target;
        this.localColumn = localColumn;
        this.remoteColumn = remoteColumn;
        this.link = link;
        this.reverseName = reverseName;
        this.load = load == LoadStrategy.DEFAULT ? LoadStrategy.RAISE : load;
        this.cascade = cascade.isEmpty() ? EnumSet.noneOf(Cascade.class) : EnumSet.copyOf(cascade);
        this.chunkSize = chunkSize;
        this.access = access;
        this.syncRule = RelationInternals.registryRule(owner.type(), attribute, target.type(), access::get, reverseName);
    }

    void reverse(RelationshipMapping reverse) {
        this.reverse = reverse;
        RelationInternals.pair(syncRule, reverse.syncRule);
    }

    void options(RelationshipOptions resolved) {
        this.options = resolved;
        if (resolved.viewOnly()) RelationInternals.markViewOnly(syncRule);
        this.orderNullsHigh = resolved.memberOrder(true, target.keyOrder());
        this.orderNullsLow = resolved.memberOrder(false, target.keyOrder());
    }

    /** Order, composite foreign-key pairs, extra condition, view-only. */
    public RelationshipOptions options() { return options; }

    /** True when writes through this relationship are refused (an extra condition, or declared viewOnly). */
    public boolean viewOnly() { return options.viewOnly(); }

    /**
     * The order of this collection's loaded members: its {@code orderBy}, then the target's key; NULLs
     * high or low as the database sorts them by default.
     */
    public java.util.Comparator<Object> memberOrder(boolean nullsHigh) {
        java.util.Comparator<Object> order = nullsHigh ? orderNullsHigh : orderNullsLow;
        return order == null ? target.keyOrder() : order;
    }

    /** The rule by which this registry's objects keep the reverse of this relationship in sync in memory. */
    public Object syncRule() { return syncRule; }

    /** Binds {@code entity}'s wrapper to {@link #syncRule()} (the object is entering a session). */
    void bindWrapper(Object entity) {
        Object wrapper = access.get(entity);
        if (wrapper != null) RelationInternals.bind(wrapper, syncRule);
    }

    public EntityMapping owner() { return owner; }

    public String attribute() { return attribute; }

    public Direction direction() { return direction; }

    public EntityMapping target() { return target; }

    public ColumnMapping localColumn() { return localColumn; }

    public ColumnMapping remoteColumn() { return remoteColumn; }

    /** The link table of a many-to-many, or null. */
    public LinkTable link() { return link; }

    /** The reverse relationship on the target, or null when none is declared. */
    public RelationshipMapping reverse() { return reverse; }

    public String reverseName() { return reverseName; }

    /** The default load strategy (DEFAULT resolved to RAISE). */
    public LoadStrategy load() { return load; }

    /** Whether session operations on the owner reach the targets; never for a view-only relationship. */
    public boolean cascades(Cascade c) { return !options.viewOnly() && cascade.contains(c); }

    public Set<Cascade> cascade() { return options.viewOnly() ? Set.of() : cascade; }

    /** Children of a deleted parent are left to the database's {@code ON DELETE CASCADE}. */
    public boolean passiveDeletes() { return passiveDeletes; }

    /** Keys per selectin query, or 0 for the dialect's default. */
    public int chunkSize() { return chunkSize; }

    /** True for a WRITE_ONLY collection ({@code WriteOnlyCollection}): never loaded, changed by pending adds/removes. */
    public boolean isWriteOnly() {
        return load == LoadStrategy.WRITE_ONLY;
    }

    /** True for one-to-many and many-to-many ({@code RelatedList}); false for references. */
    public boolean isCollection() {
        return direction == Direction.ONE_TO_MANY || direction == Direction.MANY_TO_MANY;
    }

    /** True when this side's table holds the foreign key (many-to-one, owning one-to-one). */
    public boolean ownsForeignKey() {
        return direction == Direction.MANY_TO_ONE || direction == Direction.ONE_TO_ONE;
    }

    /** The wrapper object ({@code Reference} or {@code RelatedList}) of an entity. */
    public Object wrapperOf(Object entity) {
        Object wrapper = access.get(entity);
        if (wrapper == null) {
            throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_MAPPING, qualifiedName() + " is null. Fix: initialise it in its declaration, e.g. "
                    + (isCollection() ? "final RelatedList<" + target.name() + "> " + attribute + " = RelatedList.of(this)"
                    : "final Reference<" + target.name() + "> " + attribute + " = Reference.of(this)"));
        }
        return wrapper;
    }

    public String qualifiedName() { return owner.name() + "." + attribute; }

    @Override
    public String toString() { return qualifiedName() + " (" + direction + " " + target.name() + ")"; }
}
