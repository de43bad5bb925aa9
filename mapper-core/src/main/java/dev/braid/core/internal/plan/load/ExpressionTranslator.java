package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.meta.Boxing;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.ValueType;
import dev.braid.core.internal.meta.ValueTypes;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlStatement;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.query.Aggregate;
import dev.braid.query.Attribute;
import dev.braid.query.CommonTable;
import dev.braid.query.Expression;
import dev.braid.query.Labeled;
import dev.braid.query.Predicate;
import dev.braid.query.ProjectionQuery;
import dev.braid.query.ScalarSubquery;
import dev.braid.query.Value;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates typed expressions into SQL with the reader of their values: attributes (through the alias of
 * their entity in this statement, or in an enclosing one: a correlated subquery), aggregates (refused
 * where SQL does not allow them), bound values (converted as the expression they are compared with),
 * scalar subqueries, labels and columns of common tables. Subqueries are translated with the qualifiers
 * of this level visible, so they can refer to the outer query's entities.
 */
final class ExpressionTranslator {
    private final StatementContext context;
    private final Map<Class<?>, String> qualifiers;
    private final Set<CommonTable<?>> tables;
    private final Aliases aliases;
    private final String rootName;

    ExpressionTranslator(StatementContext context, Map<Class<?>, String> qualifiers, Set<CommonTable<?>> tables,
                         Aliases aliases, String rootName) {
        this.context = context;
        this.qualifiers = qualifiers;
        this.tables = tables;
        this.aliases = aliases;
        this.rootName = rootName;
    }

    StatementContext context() { return context; }

    Map<Class<?>, String> qualifiers() { return qualifiers; }

    Set<CommonTable<?>> tables() { return tables; }

    Aliases aliases() { return aliases; }

    String rootName() { return rootName; }

    /** A translator for the inside of a subquery or EXISTS: these qualifiers, overridden by {@code inner}. */
    ExpressionTranslator nested(Map<Class<?>, String> inner, Set<CommonTable<?>> innerTables) {
        Map<Class<?>, String> all = new HashMap<>(qualifiers);
        all.putAll(inner);
        Set<CommonTable<?>> allTables = new HashSet<>(tables);
        allTables.addAll(innerTables);
        return new ExpressionTranslator(context, all, allTables, aliases, rootName);
    }

    /** The same scope with its own aliases, for a subquery or a member of a set operation. */
    ExpressionTranslator withChildAliases() {
        return new ExpressionTranslator(context, qualifiers, tables, aliases.child(), rootName);
    }

    /** A predicate in {@code clause}. */
    SqlExpression predicate(Predicate predicate, Clause clause) {
        return new PredicateTranslator(this, clause).translate(predicate);
    }

    Typed translate(Expression<?> e, Clause clause) {
        if (e instanceof Attribute<?, ?> a) {
            ColumnMapping column = typedColumn(a);
            return new Typed(columnRef(a, column), ReadAs.value(column.type()), column.type());
        }
        if (e instanceof Aggregate<?> a) return AggregateTranslator.translate(this, a, clause);
        if (e instanceof Value<?> v) {
            ValueType type = bindable(v.valueType(), v);
            return new Typed(parameter(v, type, v), ReadAs.value(type), type);
        }
        if (e instanceof Labeled<?> l) {
            Typed inner = translate(l.expression(), clause);
            SqlExpression sql = clause == Clause.SELECT ? new SqlExpression.Aliased(inner.sql(), l.label()) : inner.sql();
            return new Typed(sql, inner.read(), inner.type());
        }
        if (e instanceof dev.braid.query.Coalesce<?> c) {
            Typed inner = translate(c.expression(), clause);
            SqlExpression fallback = c.fallback() instanceof Value<?> v ? parameter(v, inner.type(), c.expression())
                    : translate(c.fallback(), clause).sql();
            return new Typed(new SqlExpression.Call("COALESCE", List.of(inner.sql(), fallback)), inner.read(), inner.type());
        }
        if (e instanceof ScalarSubquery<?> s) {
            ProjectionStatement.Built built = subquery(s.query(), "scalar(...)");
            Typed only = built.columns().get(0).typed();
            return new Typed(new SqlExpression.Subquery(built.statement()), only.read(), only.type());
        }
        if (e instanceof CommonTable.Column<?> c) {
            CommonTables.Defined defined = inScope(c.table(), c);
            return new Typed(new SqlExpression.Column(c.table().name(), defined.columnNames().get(c.index())),
                    defined.columns().get(c.index()).read(), defined.columns().get(c.index()).type());
        }
        if (e instanceof CommonTable.Depth d) {
            inScope(d.table(), d);
            ValueType integer = ValueTypes.forClass(Integer.class).orElseThrow();
            return new Typed(new SqlExpression.Column(d.table().name(), CommonTables.DEPTH), ReadAs.value(integer), integer);
        }
        throw new MapperException(ErrorCode.BRAID_QUERY, e + " (" + e.getClass().getName() + ") is not an expression"
                + " Braid can translate. Fix: use attributes, Functions and Projections");
    }

    /** A predicate selected as a value: true when it holds, else false. */
    Typed condition(Predicate predicate) {
        ValueType bool = ValueTypes.forClass(Boolean.class).orElseThrow();
        SqlExpression sql = predicate(predicate, Clause.SELECT);
        // EXISTS is never NULL: it is its own value. Anything else goes through the dialect's CASE WHEN.
        return new Typed(sql instanceof SqlExpression.Exists || sql instanceof SqlExpression.ExistsQuery ? sql
                : new SqlExpression.Condition(sql), ReadAs.value(bool), bool);
    }

    /** {@code left op right}: a bound value on either side takes the other side's type. */
    SqlExpression comparison(Predicate.Comparison c, Clause clause) {
        Expression<?> left = c.left();
        Expression<?> right = c.right();
        if (left instanceof Value<?> && !(right instanceof Value<?>)) {
            Typed r = translate(right, clause);
            return new SqlExpression.Comparison(parameter((Value<?>) left, r.type(), right), c.op().sql(), r.sql());
        }
        Typed l = translate(left, clause);
        SqlExpression r = right instanceof Value<?> v ? parameter(v, l.type(), left) : translate(right, clause).sql();
        return new SqlExpression.Comparison(l.sql(), c.op().sql(), r);
    }

    /** A bound value, converted as {@code like} (the expression it is compared with) stores values. */
    private SqlExpression.Parameter parameter(Value<?> v, ValueType like, Object comparedWith) {
        ValueType type = like != null ? like : bindable(v.valueType(), v);
        Class<?> expected = Boxing.boxed(type.javaClass());
        if (!expected.isInstance(v.value())) {
            throw new MapperException(ErrorCode.BRAID_QUERY, comparedWith + " is " + expected.getSimpleName()
                    + " but the query compares it with " + v.value().getClass().getSimpleName() + " " + v.value()
                    + ". Fix: pass a " + expected.getSimpleName());
        }
        return new SqlExpression.Parameter(type.toDatabase(v.value()), type.databaseClass(), type.sqlType());
    }

    private static ValueType bindable(Class<?> javaClass, Object what) {
        return ValueTypes.forClass(javaClass).orElseThrow(() -> new MapperException(ErrorCode.BRAID_QUERY,
                "Cannot bind " + what + " of type " + javaClass.getName() + ". Fix: use a value of a mapped type: "
                        + ValueTypes.supportedTypeNames()));
    }

    /**
     * The statement of a subquery, which sees this level's entities (correlation).
     *
     * @param use how the subquery is used, for errors
     */
    ProjectionStatement.Built subquery(ProjectionQuery<?> query, String use) {
        ProjectionStatement.Built built = ProjectionStatement.build(withChildAliases(), query);
        if (use != null && built.columns().size() != 1) {
            throw new MapperException(ErrorCode.BRAID_QUERY, use + " of " + query + ": the subquery selects "
                    + query.selections().size() + " values; it must select exactly one. Fix: select one attribute or aggregate");
        }
        if (use != null && built.columns().get(0).entity() != null) {
            throw new MapperException(ErrorCode.BRAID_QUERY, use + " of " + query + " selects a whole entity;"
                    + " it must select one value. Fix: select the entity's id attribute");
        }
        return built;
    }

    /** {@code IN (subquery)}, the subquery's column checked against the matched expression's type. */
    SqlExpression inSubquery(Predicate.InQuery in, Clause clause) {
        Typed left = translate(in.expression(), clause);
        ProjectionStatement.Built built = subquery(in.subquery(), "in(...)");
        Class<?> leftType = in.expression().valueType();
        Class<?> rightType = in.subquery().valueTypes().get(0);
        if (!Boxing.boxed(leftType).equals(Boxing.boxed(rightType))) {
            throw new MapperException(ErrorCode.BRAID_QUERY, in.expression() + ".in(" + in.subquery() + "): "
                    + in.expression() + " is " + leftType.getSimpleName() + " but the subquery selects "
                    + rightType.getSimpleName() + ". Fix: select a " + leftType.getSimpleName() + " in the subquery");
        }
        return new SqlExpression.InSubquery(left.sql(), built.statement());
    }

    /** {@code EXISTS (subquery)}. */
    SqlExpression exists(Predicate.ExistsQuery exists) {
        SqlStatement statement = subquery(exists.subquery(), null).statement();
        return new SqlExpression.ExistsQuery(statement);
    }

    SqlExpression.Column columnRef(Attribute<?, ?> attribute, ColumnMapping column) {
        String qualifier = qualifierOf(attribute.entityType(), attribute);
        return new SqlExpression.Column(JoinedSelects.qualifier(context.registry().entity(attribute.entityType()), column,
                qualifier), column.column());
    }

    ColumnMapping column(Attribute<?, ?> attribute) {
        qualifierOf(attribute.entityType(), attribute);
        return context.registry().entity(attribute.entityType()).requireAttribute(attribute.name());
    }

    /** The attribute's column, its declared type checked against the mapping (for selected values). */
    ColumnMapping typedColumn(Attribute<?, ?> attribute) {
        ColumnMapping column = column(attribute);
        Class<?> mapped = Boxing.boxed(column.type().javaClass());
        if (!attribute.valueType().isAssignableFrom(mapped)) {
            throw new MapperException(ErrorCode.BRAID_QUERY, attribute + " is mapped as " + mapped.getSimpleName()
                    + " but its reference declares " + attribute.valueType().getSimpleName() + ". Fix: declare the"
                    + " reference with the attribute's type, e.g. Attribute.of(" + attribute.entityType().getSimpleName()
                    + ".class, \"" + attribute.name() + "\", " + mapped.getSimpleName() + ".class)");
        }
        return column;
    }

    /** @param what the attribute or relation used, named in the error (made into text only then) */
    String qualifierOf(Class<?> type, Object what) {
        String qualifier = qualifiers.get(type);
        if (qualifier == null) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "The query selects " + rootName + " but filters or orders on "
                    + what + ". Fix: use attributes of " + rootName + ", or join the relationship that leads to "
                    + type.getSimpleName() + " with .join(...)");
        }
        return qualifier;
    }

    private CommonTables.Defined inScope(CommonTable<?> table, Object what) {
        if (!tables.contains(table) || context.tables() == null) {
            throw new MapperException(ErrorCode.BRAID_QUERY, what + " is a column of " + table + ", which this query"
                    + " neither selects from nor joins. Fix: from(" + table.name() + ") or join(" + table.name() + ", ...)");
        }
        return context.tables().define(table);
    }
}
