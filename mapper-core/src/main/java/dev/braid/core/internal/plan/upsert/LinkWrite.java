package dev.braid.core.internal.plan.upsert;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.EntityStatus;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.relation.RelationInternals;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.core.internal.sql.SqlStatement;
import dev.braid.dialect.ArrayBind;
import dev.braid.dialect.UpsertRows;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Relation;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One link row of a many-to-many written on its own, without loading the collection:
 * {@code session.link(owner, User_.favorites, article)} inserts it unless it exists (the dialect's upsert
 * with do-nothing on the link table's key), {@code unlink} deletes it if it exists. Loaded collections on
 * both ends, and what they last read, follow in memory, so the next flush writes nothing more.
 */
public final class LinkWrite {
    private final RelationshipMapping relationship;
    private final Object owner;
    private final Object target;
    private final boolean insert;

    private LinkWrite(RelationshipMapping relationship, Object owner, Object target, boolean insert) {
        this.relationship = relationship;
        this.owner = owner;
        this.target = target;
        this.insert = insert;
    }

    /**
     * Checks the relationship and both objects before anything is sent.
     *
     * @throws MapperException {@code BRAID_QUERY} for a relationship that is not a many-to-many through a link
     *         table; {@code BRAID_ENTITY_STATE} for objects the session does not hold
     */
    public static LinkWrite of(MappingRegistry registry, IdentityMap held, Relation<?, ?> relation, Object owner,
                               Object target, boolean insert) {
        String op = insert ? "link" : "unlink";
        dev.braid.core.internal.util.Require.nonNull(relation, "relation");
        dev.braid.core.internal.util.Require.nonNull(owner, "owner");
        dev.braid.core.internal.util.Require.nonNull(target, "target");
        EntityMapping mapping = registry.entity(relation.ownerType());
        RelationshipMapping r = mapping.requireRelationship(relation.name());
        if (r.direction() != RelationshipMapping.Direction.MANY_TO_MANY || r.link() == null || r.link().mappedAsEntity()) {
            throw new MapperException(ErrorCode.BRAID_QUERY, op + "(...) over " + r.qualifiedName() + ": it is a "
                    + r.direction().name().toLowerCase(Locale.ROOT).replace('_', '-') + " relationship, not a many-to-many"
                    + " through a link table. Fix: set the reference or foreign key, or add/remove the object");
        }
        if (owner.getClass() != mapping.type() || target.getClass() != r.target().type()) {
            throw new MapperException(ErrorCode.BRAID_QUERY, op + "(...) over " + r.qualifiedName() + " takes a "
                    + mapping.name() + " and a " + r.target().name() + ", not a " + owner.getClass().getSimpleName()
                    + " and a " + target.getClass().getSimpleName() + ". Fix: pass them in that order");
        }
        for (Object o : List.of(owner, target)) {
            EntityState state = held.stateOf(o);
            if (state == null || state.status() == EntityStatus.DELETED) {
                throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, op + "(...) over " + r.qualifiedName() + ": " + o
                        + " is " + (state == null ? "not in this session" : "deleted") + ". Fix: pass objects the session"
                        + " holds (get, select, or add them first)");
            }
        }
        return new LinkWrite(r, owner, target, insert);
    }

    /** The INSERT-unless-present or the DELETE of the link row; rendered after the autoflush, which gives new objects their keys. */
    public RenderedSql statement(SqlRenderer renderer) {
        RelationshipMapping.LinkTable link = relationship.link();
        List<String> columns = List.of(link.ownerColumn(), link.targetColumn());
        StatementOrigin origin = new StatementOrigin(StatementOrigin.Kind.LINK, relationship.owner().type(),
                relationship.qualifiedName());
        Object ownerKey = key(relationship.localColumn(), owner);
        Object targetKey = key(relationship.remoteColumn(), target);
        if (!insert) {
            List<SqlExpression> conditions = List.of(
                    new SqlExpression.Comparison(new SqlExpression.Column(null, link.ownerColumn()), "=",
                            new SqlExpression.Parameter(ownerKey, relationship.localColumn().type().databaseClass())),
                    new SqlExpression.Comparison(new SqlExpression.Column(null, link.targetColumn()), "=",
                            new SqlExpression.Parameter(targetKey, relationship.remoteColumn().type().databaseClass())));
            return renderer.render(new SqlStatement.Delete(link.table(), new SqlExpression.Junction(true, conditions), List.of()))
                    .withOrigin(origin);
        }
        List<ArrayBind> rows = new ArrayList<>(2);
        for (Object[] part : List.of(new Object[]{relationship.localColumn(), ownerKey},
                new Object[]{relationship.remoteColumn(), targetKey})) {
            ColumnMapping c = (ColumnMapping) part[0];
            Object[] values = SqlExpression.Parameter.newArray(c.type().databaseClass(), 1);
            values[0] = part[1];
            rows.add(new ArrayBind(values, values.getClass(), renderer.dialect().arrayElementType(c.type().columnType())));
        }
        UpsertRows upsert = new UpsertRows(link.table(), columns, rows, columns, null, List.of(), null, List.of());
        return renderer.renderWith(out -> renderer.dialect().upserts().upsert(upsert, out)).withOrigin(origin);
    }

    /** Both ends' loaded collections (and their last-read members) now hold, or no longer hold, the other end. */
    public void apply(IdentityMap held) {
        sync(held, relationship, owner, target);
        RelationshipMapping reverse = relationship.reverse();
        if (reverse != null) sync(held, reverse, target, owner);
    }

    private void sync(IdentityMap held, RelationshipMapping r, Object from, Object member) {
        Object wrapper = r.wrapperOf(from);
        if (wrapper == null || !RelationInternals.isLoaded(wrapper)) return;
        boolean present = RelationInternals.peekCollection(wrapper).stream().anyMatch(o -> o == member);
        if (insert && !present) RelationInternals.addQuietly(wrapper, member);
        if (!insert && present) RelationInternals.removeQuietly(wrapper, member);
        EntityState state = held.stateOf(from);
        if (state == null) return;
        List<Object> last = state.collectionSnapshot(r);
        if (last == null) return;
        List<Object> members = new ArrayList<>(last);
        members.removeIf(o -> o == member);
        if (insert) members.add(member);
        state.collectionSnapshot(r, members);
    }

    private static Object key(ColumnMapping column, Object entity) {
        Object value = column.getForDatabase(entity);
        if (value == null) {
            throw dev.braid.core.internal.util.Require.bug("a link row needs " + column.qualifiedName() + " after the autoflush");
        }
        return value;
    }
}
