package dev.braid.core.internal.plan.upsert;

import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.core.internal.sql.SqlStatement;
import dev.braid.core.internal.sql.TableRef;
import dev.braid.dialect.ArrayBind;
import dev.braid.dialect.Dialect;
import dev.braid.dialect.UpsertRows;
import dev.braid.mapping.MappingRegistry;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The statements of one upsert: the objects in chunks of the dialect's {@link dev.braid.dialect.Upserts#rowsPerStatement()},
 * one statement per chunk returning every column of the rows it inserted or updated; then, for objects
 * whose row it left alone (an existing row with do-nothing), one SELECT of those rows by the columns that
 * identify them. {@link UpsertResults} turns the rows into the session's objects.
 */
public final class UpsertPlan {
    private static final StatementOrigin.Kind KIND = StatementOrigin.Kind.UPSERT;

    private final UpsertTarget target;
    private final SqlRenderer renderer;
    private final List<List<Object>> chunks;
    private final List<Class<?>> rowTypes;

    private UpsertPlan(UpsertTarget target, SqlRenderer renderer, List<List<Object>> chunks) {
        this.target = target;
        this.renderer = renderer;
        this.chunks = chunks;
        this.rowTypes = target.mapping().columns().stream().<Class<?>>map(c -> c.type().databaseClass()).toList();
    }

    /**
     * Checks the request and every object before anything is sent.
     *
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} (or {@code BRAID_ARGUMENT} for null objects),
     *         naming the entity, the attribute and the fix
     */
    public static UpsertPlan of(MappingRegistry registry, SqlRenderer renderer, UpsertRequest request, IdentityMap held) {
        EntityMapping mapping = registry.entity(request.type());
        for (Object o : request.objects()) {
            UpsertTarget.checkObject(mapping, o);
            if (held.contains(o)) {
                throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_ENTITY_STATE, "upsert of "
                        + mapping.name() + ": " + o + " is already in this session. Fix: change its fields and flush, or"
                        + " upsert a new object with the same key (the session's object is returned)");
            }
        }
        Dialect dialect = renderer.dialect();
        UpsertTarget target = UpsertTarget.check(mapping, request, dialect.maxIdentifierLength());
        Set<List<Object>> keys = new HashSet<>();
        for (Object o : request.objects()) {
            List<Object> key = UpsertResults.matchKey(target.match(), o);
            if (key.contains(null)) {
                throw UpsertTarget.fail("upsert of " + mapping.name() + ": " + o + " has no value for "
                        + target.match().stream().map(ColumnMapping::attribute).toList() + ", the key rows collide on."
                        + " Fix: set it");
            }
            if (!keys.add(key)) {
                throw UpsertTarget.fail("upsertAll of " + mapping.name() + " is given two objects with "
                        + target.match().stream().map(ColumnMapping::attribute).toList() + " = " + key
                        + ". Fix: pass each row once");
            }
        }
        int size = Math.max(1, dialect.upserts().rowsPerStatement());
        List<List<Object>> chunks = new ArrayList<>();
        for (int i = 0; i < request.objects().size(); i += size) {
            chunks.add(List.copyOf(request.objects().subList(i, Math.min(request.objects().size(), i + size))));
        }
        return new UpsertPlan(target, renderer, chunks);
    }

    public UpsertTarget target() { return target; }

    /** The objects, one list per statement. */
    public List<List<Object>> chunks() { return chunks; }

    /** The driver classes of the columns every statement returns: all the entity's columns, in mapping order. */
    public List<Class<?>> rowTypes() { return rowTypes; }

    /** The statement writing one chunk, returning the inserted and updated rows. */
    public RenderedSql statement(List<Object> chunk) {
        List<ColumnMapping> insert = target.insert();
        List<ArrayBind> arrays = new ArrayList<>(insert.size());
        Dialect dialect = renderer.dialect();
        for (ColumnMapping c : insert) {
            Object[] values = SqlExpression.Parameter.newArray(c.type().databaseClass(), chunk.size());
            for (int row = 0; row < chunk.size(); row++) {
                Object value = c.getForDatabase(chunk.get(row));
                if (c.isVersion() && (value == null || ((Number) value).longValue() == 0)) {
                    value = c.type().databaseClass() == Long.class ? (Object) 1L : (Object) 1;
                }
                values[row] = value;
            }
            arrays.add(new ArrayBind(values, values.getClass(), dialect.arrayElementType(c.type().columnType())));
        }
        UpsertRows rows = new UpsertRows(target.mapping().table(), names(insert), arrays, names(target.conflict()),
                target.constraint(), names(target.update()), target.version() == null ? null : target.version().column(),
                names(target.mapping().columns()));
        return renderer.renderWith(out -> dialect.upserts().upsert(rows, out))
                .withOrigin(StatementOrigin.of(KIND, target.mapping().type()));
    }

    /**
     * The SELECT of the rows of {@code chunk}'s objects that {@code returned} lacks (rows left alone), or null
     * when every object's row came back.
     */
    public RenderedSql missing(List<Object> chunk, List<Object[]> returned) {
        Set<List<Object>> found = new HashSet<>();
        for (Object[] row : returned) found.add(UpsertResults.rowKey(target.match(), row));
        List<List<Object>> absent = new ArrayList<>();
        for (Object o : chunk) {
            List<Object> key = UpsertResults.matchKey(target.match(), o);
            if (!found.contains(key)) absent.add(key);
        }
        if (absent.isEmpty()) return null;
        List<ColumnMapping> match = target.match();
        SqlExpression where;
        if (match.size() == 1) {
            List<Object> values = new ArrayList<>();
            for (List<Object> key : absent) values.add(key.get(0));
            where = new SqlExpression.InList(new SqlExpression.Column(null, match.get(0).column()), values,
                    match.get(0).type().databaseClass());
        } else {
            List<SqlExpression> rows = new ArrayList<>();
            for (List<Object> key : absent) {
                List<SqlExpression> parts = new ArrayList<>();
                for (int i = 0; i < match.size(); i++) {
                    parts.add(new SqlExpression.Comparison(new SqlExpression.Column(null, match.get(i).column()), "=",
                            new SqlExpression.Parameter(key.get(i), match.get(i).type().databaseClass())));
                }
                rows.add(new SqlExpression.Junction(true, parts));
            }
            where = new SqlExpression.Junction(false, rows);
        }
        List<SqlExpression> columns = new ArrayList<>();
        for (ColumnMapping c : target.mapping().columns()) columns.add(new SqlExpression.Column(null, c.column()));
        return renderer.render(new SqlStatement.Select(columns, new TableRef(target.mapping().table(), null, null, null),
                where, List.of(), null, null)).withOrigin(StatementOrigin.of(KIND, target.mapping().type()));
    }

    private static List<String> names(List<ColumnMapping> columns) {
        return columns.stream().map(ColumnMapping::column).toList();
    }
}
