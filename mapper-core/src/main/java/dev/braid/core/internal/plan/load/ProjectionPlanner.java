package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.core.internal.sql.SqlStatement;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.CommonTable;
import dev.braid.query.EntitySelection;
import dev.braid.query.ProjectionQuery;
import dev.braid.statement.StatementOrigin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns projection queries into rendered plans for one dialect: the statement (with every common table
 * it uses in one {@code WITH} in front), how each selection is read, the result shape, and what to do
 * for selected entities after the rows. Stateless and thread-safe.
 */
public final class ProjectionPlanner {
    private final MappingRegistry registry;
    private final SqlRenderer renderer;
    private final LoadPlanner loads;

    public ProjectionPlanner(MappingRegistry registry, SqlRenderer renderer, LoadPlanner loads) {
        this.registry = registry;
        this.renderer = renderer;
        this.loads = loads;
    }

    /**
     * The plan of {@code query}; everything a statement could be refused for is checked here, before
     * anything is sent.
     *
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} naming what is wrong and the fix
     */
    public ProjectionPlan plan(ProjectionQuery<?> query) {
        CommonTables tables = new CommonTables(registry);
        ExpressionTranslator top = new ExpressionTranslator(new StatementContext(registry, tables), Map.of(), Set.of(),
                new Aliases(), "the projection");
        ProjectionStatement.Built built = ProjectionStatement.build(top, query);
        SqlStatement statement = built.statement();
        ProjectionPlan.Tree tree = tree(query, built);
        if (tree != null && tree.depthColumn() == built.width()) {
            // The level of each row, after the selected columns: which rows' relationship is complete.
            SqlStatement.Projection p = (SqlStatement.Projection) statement;
            List<SqlExpression> columns = new ArrayList<>(p.columns());
            columns.add(new SqlExpression.Column(query.fromTable().name(), CommonTables.DEPTH));
            statement = new SqlStatement.Projection(p.distinct(), columns, p.from(), p.joins(), p.where(), p.groupBy(),
                    p.having(), p.orderBy(), p.limit(), p.offset());
        }
        if (!tables.isEmpty()) statement = new SqlStatement.With(tables.recursive(), tables.statements(), statement);
        List<ProjectionPlan.Output> outputs = new ArrayList<>();
        List<ProjectionPlan.EntityLoad> entityLoads = new ArrayList<>();
        Class<?> origin = null;
        for (int i = 0; i < built.columns().size(); i++) {
            ProjectionStatement.Column c = built.columns().get(i);
            EntityMapping entity = c.entity();
            outputs.add(new ProjectionPlan.Output(c.offset(), entity == null ? c.typed().read() : null, entity));
            if (entity != null) {
                if (origin == null) origin = entity.type();
                List<LoadNode> nodes = loads.plan(entity, List.of());
                if (!nodes.isEmpty()) entityLoads.add(new ProjectionPlan.EntityLoad(i, nodes));
            }
        }
        return new ProjectionPlan(renderer.render(statement).withOrigin(StatementOrigin.of(StatementOrigin.Kind.PROJECTION,
                origin)), outputs, RowShape.of(query), tree, entityLoads);
    }

    /**
     * A tree to assemble: the query reads a recursive table's entities as they are (no filter, join,
     * grouping or paging that would leave a node's relationship incomplete), along a relationship whose
     * rows tell which node leads to which (one-to-many, many-to-one, one-to-one; not many-to-many,
     * whose link rows are not selected).
     */
    private ProjectionPlan.Tree tree(ProjectionQuery<?> query, ProjectionStatement.Built built) {
        CommonTable<?> table = query.fromTable();
        if (query.isCompound() || table == null || !table.isRecursive() || query.where() != null
                || !query.joins().isEmpty() || !query.groupBy().isEmpty() || query.isDistinct()
                || query.limit() != null || query.offset() != null) {
            return null;
        }
        EntityMapping entity = registry.entity(table.entityQuery().entityType());
        var step = entity.requireRelationship(table.step().name());
        if (step.link() != null) return null;
        // The level column: the selected depth() when there is one, else one added after the selections.
        int depthColumn = built.width();
        for (int i = 0; i < query.selections().size(); i++) {
            if (query.selections().get(i) instanceof CommonTable.Depth d && d.table() == table) {
                depthColumn = built.columns().get(i).offset();
            }
        }
        for (int i = 0; i < query.selections().size(); i++) {
            if (query.selections().get(i) instanceof EntitySelection<?> e && e.entityType().equals(entity.type())) {
                return new ProjectionPlan.Tree(i, step, depthColumn, table.levels() - 1);
            }
        }
        return null;
    }
}
