package dev.braid.core.plan.load;

import dev.braid.core.error.ErrorCode;
import dev.braid.core.error.MapperException;
import dev.braid.core.meta.ColumnMapping;
import dev.braid.core.meta.EntityKey;
import dev.braid.core.meta.EntityMapping;
import dev.braid.core.meta.MappingRegistry;
import dev.braid.core.query.Order;
import dev.braid.core.query.Query;
import dev.braid.core.sql.OrderTerm;
import dev.braid.core.sql.RenderedSql;
import dev.braid.core.sql.SqlExpression;
import dev.braid.core.sql.SqlRenderer;
import dev.braid.core.sql.SqlStatement;
import dev.braid.core.sql.TableRef;
import dev.braid.core.sql.dialect.Dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Turns queries into rendered SELECT plans for one dialect. Stateless and thread-safe. */
public final class QueryPlanner {
    private final MappingRegistry registry;
    private final SqlRenderer renderer;

    public QueryPlanner(MappingRegistry registry, Dialect dialect) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.renderer = new SqlRenderer(dialect);
    }

    public Dialect dialect() {
        return renderer.dialect();
    }

    /** The entities matching the query, with every mapped column selected in mapping order. */
    public SelectPlan select(Query<?> query) {
        EntityMapping entity = registry.entity(query.entityType());
        PredicateTranslator translator = new PredicateTranslator(entity, entity.table());
        List<OrderTerm> order = new ArrayList<>();
        for (Order o : query.orderBy()) {
            order.add(new OrderTerm(translator.columnRef(translator.column(o.attribute())),
                    o.direction() == Order.Direction.DESC));
        }
        SqlStatement.Select select = new SqlStatement.Select(columns(entity), TableRef.of(entity.table()),
                query.where() == null ? null : translator.translate(query.where()),
                order, query.limit(), query.offset());
        return new SelectPlan(renderer.render(select), entity);
    }

    /** {@code SELECT COUNT(*)} over the query's filter; limit and offset apply as a user would expect. */
    public RenderedSql count(Query<?> query) {
        EntityMapping entity = registry.entity(query.entityType());
        if (query.limit() != null || query.offset() != null) {
            // COUNT(*) with LIMIT counts groups, not rows; count the limited id rows instead.
            throw new MapperException(ErrorCode.BRAID_QUERY,
                    "count() of " + entity.name() + " ignores paging: remove limit/offset, or count the page's results");
        }
        PredicateTranslator translator = new PredicateTranslator(entity, entity.table());
        return renderer.render(new SqlStatement.Select(List.of(new SqlExpression.CountAll()), TableRef.of(entity.table()),
                query.where() == null ? null : translator.translate(query.where()), List.of(), null, null));
    }

    /** {@code SELECT 1 ... LIMIT 1}: the cheapest probe for existence. */
    public RenderedSql exists(Query<?> query) {
        EntityMapping entity = registry.entity(query.entityType());
        PredicateTranslator translator = new PredicateTranslator(entity, entity.table());
        return renderer.render(new SqlStatement.Select(List.of(new SqlExpression.One()), TableRef.of(entity.table()),
                query.where() == null ? null : translator.translate(query.where()), List.of(), 1L, null));
    }

    /** The row with the given key. */
    public SelectPlan byKey(EntityKey key) {
        EntityMapping entity = registry.entity(key.type());
        List<?> parts = entity.idParts(key);
        List<SqlExpression> conditions = new ArrayList<>();
        for (int i = 0; i < entity.idColumns().size(); i++) {
            ColumnMapping id = entity.idColumns().get(i);
            conditions.add(new SqlExpression.Comparison(new SqlExpression.Column(entity.table(), id.column()), "=",
                    new SqlExpression.Parameter(id.type().toDatabase(parts.get(i)), id.type().databaseClass())));
        }
        SqlStatement.Select select = new SqlStatement.Select(columns(entity), TableRef.of(entity.table()),
                new SqlExpression.Junction(true, conditions), List.of(), null, null);
        return new SelectPlan(renderer.render(select), entity);
    }

    private static List<SqlExpression> columns(EntityMapping entity) {
        List<SqlExpression> columns = new ArrayList<>(entity.columns().size());
        for (ColumnMapping c : entity.columns()) {
            columns.add(new SqlExpression.Column(entity.table(), c.column()));
        }
        return columns;
    }
}
