package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityKey;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.statement.RenderedSql;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.core.internal.sql.SqlStatement;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The INSERT steps of a flush's insert batches: a single row alone, more rows as one statement
 * ({@link MultiRowInsert}). Where the dialect allocates generated keys ahead of the insert
 * (PostgreSQL), consecutive batches of one table (the levels of a tree, cut apart because each level
 * needs its parents' keys) share one allocation ({@link KeyAllocation}) of up to
 * {@code allocationLimit} keys instead of one each.
 */
final class InsertSteps {
    private final SqlRenderer renderer;
    private final IdentityMap identityMap;
    private final KeyAllocation keys;
    private final MultiRowInsert rows;
    private final boolean allocatesKeys;
    private final boolean returnsOrderedKeys;
    private final int allocationLimit;
    private final Predicate<EntityState> batchable;

    /**
     * @param allocatesKeys      keys are allocated before the insert (array batches)
     * @param returnsOrderedKeys batches return their keys in row order instead (H2)
     * @param batchable          whether a row can go in a multi-row statement
     */
    InsertSteps(SqlRenderer renderer, IdentityMap identityMap, boolean allocatesKeys, boolean returnsOrderedKeys,
                int allocationLimit, Predicate<EntityState> batchable) {
        this.renderer = renderer;
        this.identityMap = identityMap;
        this.keys = new KeyAllocation(renderer);
        this.rows = new MultiRowInsert(renderer, identityMap);
        this.allocatesKeys = allocatesKeys;
        this.returnsOrderedKeys = returnsOrderedKeys;
        this.allocationLimit = allocationLimit;
        this.batchable = batchable;
    }

    /** @param beforeRender brings a row's foreign keys up to date just before its statement is rendered */
    void add(List<List<EntityState>> batches, Deque<Runnable> undo, Consumer<EntityState> beforeRender, List<WriteStep> steps) {
        int i = 0;
        while (i < batches.size()) {
            int end = allocatesKeys ? sharedAllocationEnd(batches, i) : i + 1;
            if (end - i > 1) {
                List<EntityState> all = new ArrayList<>();
                for (int j = i; j < end; j++) all.addAll(batches.get(j));
                steps.add(keys.allocateIds(all, undo));
                for (int j = i; j < end; j++) steps.add(rows.insertRows(batches.get(j), undo, beforeRender, null));
                i = end;
                continue;
            }
            List<EntityState> batch = batches.get(i++);
            if (batch.size() == 1) {
                EntityState s = batch.get(0);
                steps.add(insert(s, undo, () -> beforeRender.accept(s)));
                JoinedInserts.add(s, renderer, steps);
            } else if (returnsOrderedKeys) {
                // H2: the statement leaves the generated key out and returns it (FINAL TABLE); H2 assigns
                // keys in increasing order of the rows inserted, so the i-th smallest belongs to the i-th row.
                steps.add(rows.insertRows(batch, undo, beforeRender, batch.get(0).mapping().generatedColumn().orElse(null)));
            } else {
                // Over array binds: when keys are generated, a first statement allocates them from the
                // identity's sequence, so each object gets its key by position, never by row order.
                if (batch.get(0).mapping().generatedColumn().isPresent()) steps.add(keys.allocateIds(batch, undo));
                steps.add(rows.insertRows(batch, undo, beforeRender, null));
            }
        }
    }

    /** The end (exclusive) of the batches from {@code from} on that one key allocation can serve. */
    private int sharedAllocationEnd(List<List<EntityState>> batches, int from) {
        EntityMapping mapping = batches.get(from).get(0).mapping();
        if (mapping.generatedColumn().isEmpty()) return from + 1;
        int rows = 0;
        int end = from;
        while (end < batches.size()) {
            List<EntityState> batch = batches.get(end);
            if (batch.get(0).mapping() != mapping || !batchable.test(batch.get(0))
                    || rows + batch.size() > allocationLimit) break;
            rows += batch.size();
            end++;
        }
        return Math.max(end, from + 1);
    }

    /** INSERT of one object. @param beforeRender brings foreign keys up to date just before the statement is rendered */
    WriteStep insert(EntityState state, Deque<Runnable> undo, Runnable beforeRender) {
        EntityMapping mapping = state.mapping();
        Object entity = state.entity();
        Step step = new Step(WriteStep.Kind.INSERT, List.of(), mapping.type(), mapping.table());
        step.renderer = () -> {
            beforeRender.run();
            List<String> columns = new ArrayList<>();
            List<SqlExpression.Parameter> values = new ArrayList<>();
            List<String> returning = new ArrayList<>();
            List<ColumnMapping> readBack = new ArrayList<>(); // generated key and server defaults, in returning order
            Object[] written = new Object[mapping.columns().size()];
            Object initialVersion = null;
            for (ColumnMapping column : mapping.columns()) {
                Object value = column.getForDatabase(entity);
                if (column.isGenerated() && value == null) {
                    returning.add(column.column());
                    readBack.add(column);
                    continue;
                }
                if (value == null && column.source().serverDefault() != null) {
                    returning.add(column.column()); // the database's default, read back into the object
                    readBack.add(column);
                    continue;
                }
                if (column.isVersion() && (value == null || ((Number) value).longValue() == 0)) {
                    value = RowConditions.initialVersion(column, value);
                    initialVersion = value;
                }
                if (value == null && column.isId()) throw RowConditions.missingId(mapping, column);
                written[column.index()] = value;
                if (JoinedInserts.elsewhere(mapping, column)) continue; // written to its subclass table next
                columns.add(column.column());
                values.add(new SqlExpression.Parameter(value, column.type().databaseClass(), column.type().sqlType()));
                written[column.index()] = value;
            }
            RenderedSql sql = renderer.render(new SqlStatement.Insert(mapping.table(), columns, values, returning));
            Object version = initialVersion;
            step.returned = readBack.isEmpty() ? List.of() : readBack.stream().<Class<?>>map(c -> c.type().databaseClass()).toList();
            step.outcome = (rowCount, returnedValues) -> {
                RowConditions.expectOne(rowCount, "INSERT", mapping, state, sql);
                for (int i = 0; i < readBack.size(); i++) {
                    ColumnMapping column = readBack.get(i);
                    Object value = returnedValues.get(0)[i];
                    column.set(entity, column.fromDatabase(value));
                    written[column.index()] = value;
                    undo.push(() -> column.set(entity, null));
                }
                if (version != null) {
                    ColumnMapping versionColumn = mapping.versionColumn().orElseThrow();
                    Object previous = versionColumn.get(entity);
                    versionColumn.set(entity, versionColumn.fromDatabase(version));
                    undo.push(() -> versionColumn.set(entity, previous));
                }
                EntityKey previousKey = state.key();
                identityMap.inserted(state, mapping.keyOf(entity), written);
                undo.push(() -> identityMap.uninserted(state, previousKey));
            };
            return sql;
        };
        return step;
    }
}
