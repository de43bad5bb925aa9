package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.query.Attribute;
import dev.braid.query.Order;
import dev.braid.query.Predicate;
import dev.braid.query.Query;
import dev.braid.core.internal.sql.SqlExpression;

import java.util.ArrayList;
import java.util.List;

/**
 * The filter of a keyset page ({@link Query#seekAfter}): the rows after the last one in the query's
 * order. For terms {@code t1..tn} with the last row's values {@code v1..vn} it is
 * {@code t1 >= v1 AND (t1 > v1 OR (t1 = v1 AND t2 > v2) OR ...)}, with {@code <}/{@code <=} for
 * descending terms: the leading range lets an index on the first term start the scan at the last row,
 * and the disjunction is exact for any mix of directions. Only total orders are accepted (the terms
 * include the key or a unique non-null column: otherwise rows tied on every term would be skipped or
 * repeated between pages), and only non-null terms (H2 and PostgreSQL sort NULLs at opposite ends, and
 * {@code >} never matches NULL), unless the filter itself says {@code isNotNull()}.
 */
final class KeysetCondition {
    private KeysetCondition() {}

    /** The keyset filter of {@code query}, translated with the statement's aliases. */
    static SqlExpression of(EntityMapping root, Query<?> query, PredicateTranslator translator) {
        List<Order> order = query.orderBy();
        String name = root.name();
        if (order.isEmpty()) {
            throw fail("seekAfter(...) on " + name + " needs an order to seek in. Fix: orderBy(...) ending with "
                    + name + "'s id, e.g. orderBy(" + name + "_.id.asc())");
        }
        List<ColumnMapping> columns = new ArrayList<>(order.size());
        for (Order o : order) {
            ColumnMapping column = translator.column(o.attribute());
            if (column.nullable() && !filteredNotNull(query.where(), o.attribute())) {
                throw fail("seekAfter(...) on " + name + " orders by " + o.attribute() + ", which is nullable: H2 and"
                        + " PostgreSQL sort NULLs at opposite ends and > never matches NULL, so pages would skip rows."
                        + " Fix: order by non-null attributes, or add where(" + o.attribute() + ".isNotNull())");
            }
            columns.add(column);
        }
        requireTotalOrder(root, columns, order);
        List<Object> values = values(root, query, order, columns);
        List<Predicate> alternatives = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            List<Predicate> terms = new ArrayList<>();
            for (int i = 0; i < k; i++) terms.add(Predicate.compare(order.get(i).attribute(), Predicate.Op.EQ, values.get(i)));
            terms.add(Predicate.compare(order.get(k).attribute(), after(order.get(k)), values.get(k)));
            alternatives.add(terms.size() == 1 ? terms.get(0) : Predicate.and(terms));
        }
        Predicate seek = alternatives.size() == 1 ? alternatives.get(0) : Predicate.and(List.of(
                Predicate.compare(order.get(0).attribute(), order.get(0).direction() == Order.Direction.ASC
                        ? Predicate.Op.GE : Predicate.Op.LE, values.get(0)),
                Predicate.or(alternatives)));
        return translator.translate(seek);
    }

    /**
     * Whether {@code query} can continue after any of its rows with {@code seekAfter(row)}: a total order of
     * non-null attributes of the root itself (what a streamed query's windows need to be keyset pages).
     */
    static boolean seekableAfterRows(EntityMapping root, Query<?> query) {
        if (query.orderBy().isEmpty()) return false;
        List<ColumnMapping> columns = new ArrayList<>();
        for (Order o : query.orderBy()) {
            ColumnMapping column = o.attribute().entityType() == root.type()
                    ? root.attribute(o.attribute().name()).orElse(null) : null;
            if (column == null || (column.nullable() && !filteredNotNull(query.where(), o.attribute()))) return false;
            columns.add(column);
        }
        return total(root, columns);
    }

    private static Predicate.Op after(Order o) {
        return o.direction() == Order.Direction.ASC ? Predicate.Op.GT : Predicate.Op.LT;
    }

    /** Whether {@code where} is (or is an AND containing) {@code attribute IS NOT NULL}. */
    private static boolean filteredNotNull(Predicate where, Attribute<?, ?> attribute) {
        if (where instanceof Predicate.IsNull n) return n.negated() && n.attribute().equals(attribute);
        if (where instanceof Predicate.And and) {
            for (Predicate p : and.operands()) {
                if (filteredNotNull(p, attribute)) return true;
            }
        }
        return false;
    }

    /** Whether the columns include the root's key or one of its unique non-null columns. */
    private static boolean total(EntityMapping root, List<ColumnMapping> columns) {
        boolean unique = columns.stream().anyMatch(c -> c.entityType() == root.type() && c.unique() && !c.nullable());
        boolean key = root.idColumns().stream().allMatch(id -> columns.stream().anyMatch(c -> c == id));
        return unique || (key && !root.idColumns().isEmpty());
    }

    private static void requireTotalOrder(EntityMapping root, List<ColumnMapping> columns, List<Order> order) {
        if (!total(root, columns)) {
            String name = root.name();
            throw fail("seekAfter(...) on " + name + " orders by " + order.stream().map(Order::attribute).toList()
                    + ", which does not make rows unique: rows tied on all of them would be skipped or repeated between"
                    + " pages. Fix: add " + name + "'s id as the last order term (on every page, the first included),"
                    + " e.g. orderBy(..., " + name + "_." + (root.idColumns().isEmpty() ? "id"
                    : root.idColumns().get(0).attribute()) + ".asc())");
        }
    }

    private static List<Object> values(EntityMapping root, Query<?> query, List<Order> order, List<ColumnMapping> columns) {
        Query.Seek seek = query.seek();
        String name = root.name();
        if (seek.values() != null) {
            if (seek.values().size() != order.size()) {
                throw fail("seekAfterValues(...) on " + name + " was given " + seek.values().size() + " value(s) for "
                        + order.size() + " order term(s) " + order.stream().map(Order::attribute).toList()
                        + ". Fix: pass the last row's value of each term, in order");
            }
            return seek.values();
        }
        Object row = seek.row();
        if (!root.type().isInstance(row)) {
            throw fail("seekAfter(...) on " + name + " was given a " + row.getClass().getSimpleName() + ". Fix: pass"
                    + " the last " + name + " of the previous page");
        }
        List<Object> values = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            ColumnMapping column = columns.get(i);
            if (column.entityType() != root.type()) {
                throw fail("seekAfter(row) on " + name + " orders by " + order.get(i).attribute() + ", which the "
                        + name + " row does not hold. Fix: seekAfterValues(...) with the last row's value of each"
                        + " order term");
            }
            Object value = column.get(row);
            if (value == null) {
                throw fail("seekAfter(row): the row's " + column.qualifiedName() + " is null (a new object not flushed"
                        + " yet?). Fix: seek after a row read from the database");
            }
            values.add(value);
        }
        return values;
    }

    private static MapperException fail(String message) {
        return new MapperException(ErrorCode.BRAID_QUERY, message);
    }
}
