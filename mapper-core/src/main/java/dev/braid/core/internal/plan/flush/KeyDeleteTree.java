package dev.braid.core.internal.plan.flush;

import dev.braid.annotation.Cascade;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlStatement;
import dev.braid.core.internal.sql.TableRef;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.ArrayList;
import java.util.List;

/**
 * What deleting rows of an entity by their keys must write, without reading any row: the relationship
 * tree walked from the root entity, each statement matching its rows by the root keys through the
 * foreign keys on the way ({@code book_id IN (SELECT books.id FROM books WHERE books.author_id = ANY($1))}).
 * The statements come in the order they must run: rows referencing a row before it (post-order), i.e.
 * per delete-cascading one-to-many the children's own work, then the children; link rows of many-to-many
 * collections; children of a non-cascading one-to-many detached (foreign key set to NULL); the roots last.
 *
 * <p>The flush's cascade over unloaded children ({@link ParentKeyDeletes}) works from parent keys it holds
 * and so stops at one level; here the keys of deeper levels are never known, so each level is a subquery
 * over the level above.
 */
final class KeyDeleteTree {
    /** What one statement does. */
    enum Kind { DELETE, NULLIFY, LINKS }

    /**
     * One statement of the tree.
     *
     * @param kind         DELETE: the rows of {@code entity} reached by {@code path} (the roots when empty);
     *                     NULLIFY: rows of {@code relationship}'s target referencing the rows reached by
     *                     {@code path} lose that foreign key; LINKS: the link rows of {@code relationship}
     *                     owned by the rows reached by {@code path}
     * @param entity       the entity whose rows the statement writes (NULLIFY: the children; LINKS: the owner)
     * @param path         relationships from the root entity to the rows the statement is about
     * @param relationship the relationship of a NULLIFY or LINKS statement, else null
     */
    record Node(Kind kind, EntityMapping entity, List<RelationshipMapping> path, RelationshipMapping relationship) {}

    private final EntityMapping root;
    private final List<Node> nodes = new ArrayList<>();

    private KeyDeleteTree(EntityMapping root) {
        this.root = root;
    }

    /** The statements deleting rows of {@code root} by key, in order; fails naming the reason when it cannot be done. */
    static KeyDeleteTree of(EntityMapping root) {
        String what = "deleteByKeys(" + root.name() + ".class, ...)";
        if (root.readOnly() || root.idColumns().isEmpty()) {
            throw refused(what + ": " + root.name() + " is a read-only view", "delete through the writable entity mapped to " + root.table());
        }
        if (root.idColumns().size() != 1) {
            throw refused(what + ": " + root.name() + " has a composite key", "use select(" + root.name()
                    + ".class).where(...).delete(), or load the objects and delete() them");
        }
        KeyDeleteTree tree = new KeyDeleteTree(root);
        checkVersion(root, what);
        tree.visit(root, List.of(), what);
        tree.nodes.add(new Node(Kind.DELETE, root, List.of(), null));
        return tree;
    }

    EntityMapping root() {
        return root;
    }

    List<Node> nodes() {
        return nodes;
    }

    private void visit(EntityMapping entity, List<RelationshipMapping> path, String what) {
        for (RelationshipMapping r : entity.relationships()) {
            if (r.link() != null) {
                if (r.cascades(Cascade.DELETE)) {
                    throw refused(what + ": " + r.qualifiedName() + " cascades DELETE to the members of a many-to-many,"
                            + " which would have to be read", "load the objects and delete() them, or drop Cascade.DELETE from "
                            + r.qualifiedName());
                }
                nodes.add(new Node(Kind.LINKS, entity, path, r));
            } else if (r.ownsForeignKey()) {
                if (r.cascades(Cascade.DELETE)) {
                    throw refused(what + ": " + r.qualifiedName() + " cascades DELETE to the " + r.target().name()
                            + " it references, which would have to be read", "load the objects and delete() them");
                }
            } else if (r.passiveDeletes()) {
                continue; // the database's ON DELETE CASCADE does it
            } else if (r.cascades(Cascade.DELETE)) {
                EntityMapping child = r.target();
                if (child == root || path.stream().anyMatch(p -> p.owner() == child)) {
                    throw refused(what + ": " + r.qualifiedName() + " cascades DELETE back into " + child.name()
                            + " (a tree or cycle), whose depth is unknown without reading", "set passiveDeletes = true with"
                            + " ON DELETE CASCADE in the schema, or load the tree and delete() it");
                }
                checkVersion(child, what);
                List<RelationshipMapping> childPath = new ArrayList<>(path);
                childPath.add(r);
                visit(child, List.copyOf(childPath), what);
                nodes.add(new Node(Kind.DELETE, child, List.copyOf(childPath), null));
            } else if (r.remoteColumn().nullable()) {
                nodes.add(new Node(Kind.NULLIFY, r.target(), path, r));
            } else {
                throw refused(what + ": its " + r.target().name() + " rows would keep " + r.remoteColumn().qualifiedName()
                        + ", which cannot be NULL, and " + r.qualifiedName() + " does not cascade DELETE", "add Cascade.DELETE"
                        + " to " + r.qualifiedName() + ", or passiveDeletes = true with ON DELETE CASCADE in the schema,"
                        + " or delete the " + r.target().name() + " rows first");
            }
        }
    }

    private static void checkVersion(EntityMapping entity, String what) {
        if (entity.versionColumn().isPresent()) {
            throw refused(what + ": " + entity.name() + " has a version column, and rows deleted without being read"
                    + " have no version to check", "load the objects and delete() them (each DELETE checks its version), or use"
                    + " select(" + entity.name() + ".class).where(...).delete() to delete without checking");
        }
    }

    private static MapperException refused(String problem, String fix) {
        return new MapperException(ErrorCode.BRAID_QUERY, "Cannot " + problem + ". Fix: " + fix);
    }

    /** The statement of {@code node} for one chunk of root keys (driver values); {@code returning}: the written rows' ids. */
    SqlStatement statement(Node node, List<Object> keys, boolean returning) {
        List<String> ids = returning ? node.entity().idColumns().stream().map(ColumnMapping::column).toList() : List.of();
        return switch (node.kind()) {
            case DELETE -> new SqlStatement.Delete(node.entity().table(), rows(node.path(), node.path().size(), keys), ids);
            case LINKS -> {
                RelationshipMapping r = node.relationship();
                yield new SqlStatement.Delete(r.link().table(), referencing(
                        new SqlExpression.Column(r.link().table(), r.link().ownerColumn()), r.localColumn(), node.path(),
                        node.path().size(), keys), List.of());
            }
            case NULLIFY -> {
                RelationshipMapping r = node.relationship();
                ColumnMapping fk = r.remoteColumn();
                yield new SqlStatement.BulkUpdate(r.target().table(), List.of(new SqlStatement.SetClause(fk.column(),
                        new SqlExpression.Parameter(null, fk.type().databaseClass()))), detached(node, keys), ids);
            }
        };
    }

    /**
     * For a NULLIFY node where UPDATE returns no rows (MariaDB): {@code SELECT <child ids> FROM children WHERE <the
     * NULLIFY's filter> FOR UPDATE}, the rows the UPDATE will detach, locked and their ids read first.
     */
    SqlStatement lockDetached(Node node, List<Object> keys) {
        EntityMapping child = node.relationship().target();
        return new SqlStatement.LockingSelect(new SqlStatement.Select(child.idColumns().stream()
                .<SqlExpression>map(c -> new SqlExpression.Column(child.table(), c.column())).toList(),
                TableRef.of(child.table()), detached(node, keys), List.of(), null, null));
    }

    /** The rows a NULLIFY node detaches: children whose foreign key references a row being deleted. */
    private SqlExpression detached(Node node, List<Object> keys) {
        RelationshipMapping r = node.relationship();
        return referencing(new SqlExpression.Column(r.target().table(), r.remoteColumn().column()),
                r.localColumn(), node.path(), node.path().size(), keys);
    }

    /** The condition matching the rows reached by the first {@code depth} relationships of {@code path}. */
    private SqlExpression rows(List<RelationshipMapping> path, int depth, List<Object> keys) {
        if (depth == 0) {
            ColumnMapping id = root.idColumns().get(0);
            return new SqlExpression.InList(new SqlExpression.Column(root.table(), id.column()), keys, id.type().databaseClass());
        }
        RelationshipMapping r = path.get(depth - 1);
        return referencing(new SqlExpression.Column(r.target().table(), r.remoteColumn().column()), r.localColumn(), path,
                depth - 1, keys);
    }

    /** {@code operand} is one of the {@code column} values of the rows reached by {@code depth} steps of {@code path}. */
    private SqlExpression referencing(SqlExpression operand, ColumnMapping column, List<RelationshipMapping> path, int depth,
                                      List<Object> keys) {
        if (depth == 0 && column == root.idColumns().get(0)) {
            return new SqlExpression.InList(operand, keys, column.type().databaseClass()); // the keys themselves
        }
        EntityMapping owner = depth == 0 ? root : path.get(depth - 1).target();
        return new SqlExpression.InSubquery(operand, new SqlStatement.Select(
                List.of(new SqlExpression.Column(owner.table(), column.column())), TableRef.of(owner.table()),
                rows(path, depth, keys), List.of(), null, null));
    }
}
