package dev.braid.core.plan.flush;

import dev.braid.core.error.ErrorCode;
import dev.braid.core.error.MapperException;
import dev.braid.core.error.StaleDataException;
import dev.braid.core.identity.EntityState;
import dev.braid.core.identity.EntityStatus;
import dev.braid.core.identity.IdentityMap;
import dev.braid.core.meta.ColumnMapping;
import dev.braid.core.meta.EntityKey;
import dev.braid.core.meta.EntityMapping;
import dev.braid.core.meta.RelationshipMapping;
import dev.braid.core.sql.RenderedSql;
import dev.braid.core.sql.SqlExpression;
import dev.braid.core.sql.SqlRenderer;
import dev.braid.core.sql.SqlStatement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/** Plans the single-row INSERT, UPDATE and DELETE of one object, and link-row writes, with their state changes. */
final class WritePlanner {
    private final SqlRenderer renderer;
    private final IdentityMap identityMap;
    // Reused by every dirty check: what it holds are fields of objects the session holds anyway.
    private Object[] columnValues = new Object[16];

    WritePlanner(SqlRenderer renderer, IdentityMap identityMap) {
        this.renderer = renderer;
        this.identityMap = identityMap;
    }

    boolean isDirty(EntityState state) {
        Object[] snapshot = state.snapshot();
        EntityMapping mapping = state.mapping();
        List<ColumnMapping> columns = mapping.columns();
        if (columnValues.length < columns.size()) columnValues = new Object[Math.max(columns.size(), columnValues.length * 2)];
        Object[] values = columnValues;
        // Every field in one call (a flush checks every object the session holds).
        mapping.readColumns(state.entity(), values);
        for (int i = 0; i < columns.size(); i++) {
            ColumnMapping column = columns.get(i);
            Object current = column.type().isPlain() ? values[i] : column.type().toDatabase(values[i]);
            // The usual case, an untouched column, is the very object the snapshot holds.
            if (current != snapshot[i] && !sameValue(snapshot[i], current)) {
                return true;
            }
        }
        return false;
    }

    /** @param beforeRender brings foreign keys up to date just before the statement is rendered */
    WriteStep insert(EntityState state, Deque<Runnable> undo, Runnable beforeRender) {
        EntityMapping mapping = state.mapping();
        Object entity = state.entity();
        Step step = new Step(WriteStep.Kind.INSERT, List.of());
        step.renderer = () -> {
            beforeRender.run();
            List<String> columns = new ArrayList<>();
            List<SqlExpression.Parameter> values = new ArrayList<>();
            List<String> returning = new ArrayList<>();
            ColumnMapping generated = null;
            Object[] written = new Object[mapping.columns().size()];
            Object initialVersion = null;
            for (ColumnMapping column : mapping.columns()) {
                Object value = column.getForDatabase(entity);
                if (column.isGenerated() && value == null) {
                    generated = column;
                    returning.add(column.column());
                    continue;
                }
                if (column.isVersion() && (value == null || ((Number) value).longValue() == 0)) {
                    value = column.type().databaseClass() == Long.class ? (Object) 1L : (Object) 1;
                    initialVersion = value;
                }
                if (value == null && column.isId()) {
                    throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot insert " + mapping.name() + ": id "
                            + column.qualifiedName() + " is null and not generated. Fix: assign it before adding the"
                            + " object, or annotate it @Identity");
                }
                columns.add(column.column());
                values.add(new SqlExpression.Parameter(value, column.type().databaseClass()));
                written[column.index()] = value;
            }
            RenderedSql sql = renderer.render(new SqlStatement.Insert(mapping.table(), columns, values, returning));
            ColumnMapping generatedColumn = generated;
            Object version = initialVersion;
            step.returned = generated == null ? List.of() : List.of(generated.type().databaseClass());
            step.outcome = (rowCount, returnedValues) -> {
                expectOne(rowCount, "INSERT", mapping, state, sql);
                if (generatedColumn != null) {
                    Object id = generatedColumn.fromDatabase(returnedValues.get(0)[0]);
                    generatedColumn.set(entity, id);
                    written[generatedColumn.index()] = returnedValues.get(0)[0];
                    undo.push(() -> generatedColumn.set(entity, null));
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

    WriteStep update(EntityState state, Deque<Runnable> undo, Runnable beforeRender) {
        EntityMapping mapping = state.mapping();
        Object entity = state.entity();
        Step step = new Step(WriteStep.Kind.UPDATE, List.of());
        step.renderer = () -> {
            beforeRender.run();
            Object[] snapshot = state.snapshot();
            Object[] current = mapping.readDatabaseValues(entity);
            List<SqlStatement.Assignment> assignments = new ArrayList<>();
            for (ColumnMapping column : mapping.columns()) {
                int i = column.index();
                if (sameValue(snapshot[i], current[i]) || column.isVersion()) {
                    continue;
                }
                if (column.isId()) {
                    throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "The primary key " + column.qualifiedName()
                            + " of " + state.key() + " was changed to " + current[i] + ". Braid does not update keys."
                            + " Fix: delete the object and add a new one with the new key");
                }
                assignments.add(new SqlStatement.Assignment(column.column(),
                        new SqlExpression.Parameter(current[i], column.type().databaseClass())));
            }
            if (assignments.isEmpty()) {
                return null;
            }
            ColumnMapping versionColumn = mapping.versionColumn().orElse(null);
            Object nextVersion = null;
            if (versionColumn != null) {
                Number old = (Number) snapshot[versionColumn.index()];
                nextVersion = versionColumn.type().databaseClass() == Long.class
                        ? (Object) (old.longValue() + 1) : (Object) (old.intValue() + 1);
                assignments.add(new SqlStatement.Assignment(versionColumn.column(),
                        new SqlExpression.Parameter(nextVersion, versionColumn.type().databaseClass())));
                current[versionColumn.index()] = nextVersion;
            }
            RenderedSql sql = renderer.render(new SqlStatement.Update(mapping.table(), assignments, keyCondition(state)));
            Object version = nextVersion;
            step.outcome = (rowCount, returned) -> {
                expectOne(rowCount, "UPDATE", mapping, state, sql);
                if (versionColumn != null) {
                    Object previous = versionColumn.get(entity);
                    versionColumn.set(entity, versionColumn.fromDatabase(version));
                    undo.push(() -> versionColumn.set(entity, previous));
                }
                identityMap.updated(state, current);
                undo.push(() -> identityMap.updated(state, snapshot));
            };
            return sql;
        };
        return step;
    }

    WriteStep delete(EntityState state, Deque<Runnable> undo) {
        EntityMapping mapping = state.mapping();
        boolean versioned = mapping.versionColumn().isPresent();
        Step step = new Step(WriteStep.Kind.DELETE, List.of());
        step.renderer = () -> {
            RenderedSql sql = renderer.render(new SqlStatement.Delete(mapping.table(), keyCondition(state)));
            step.outcome = (rowCount, returned) -> {
                // Like SQLAlchemy: a DELETE that finds no row is an error only when a version column
                // proves someone else changed the row; otherwise the row is gone, which was the goal.
                if (versioned) expectOne(rowCount, "DELETE", mapping, state, sql);
                identityMap.remove(state);
                undo.push(() -> identityMap.reinstate(state, EntityStatus.DELETED));
            };
            return sql;
        };
        return step;
    }

    /** INSERT of one link row of a many-to-many; the two keys are read when the step runs. */
    WriteStep linkInsert(RelationshipMapping r, Object owner, Object target) {
        Step step = new Step(WriteStep.Kind.LINK_INSERT, List.of());
        step.renderer = () -> {
            RenderedSql sql = renderer.render(new SqlStatement.Insert(r.link().table(),
                    List.of(r.link().ownerColumn(), r.link().targetColumn()),
                    List.of(key(r.localColumn(), owner), key(r.remoteColumn(), target)), List.of()));
            step.outcome = (rowCount, returned) -> { };
            return sql;
        };
        return step;
    }

    /** DELETE of one link row, or of every link row of {@code owner} when {@code target} is null. */
    WriteStep linkDelete(RelationshipMapping r, Object owner, Object target) {
        Step step = new Step(WriteStep.Kind.LINK_DELETE, List.of());
        step.renderer = () -> {
            List<SqlExpression> conditions = new ArrayList<>();
            conditions.add(new SqlExpression.Comparison(new SqlExpression.Column(null, r.link().ownerColumn()), "=",
                    key(r.localColumn(), owner)));
            if (target != null) {
                conditions.add(new SqlExpression.Comparison(new SqlExpression.Column(null, r.link().targetColumn()), "=",
                        key(r.remoteColumn(), target)));
            }
            RenderedSql sql = renderer.render(new SqlStatement.Delete(r.link().table(),
                    new SqlExpression.Junction(true, conditions)));
            step.outcome = (rowCount, returned) -> { };
            return sql;
        };
        return step;
    }

    /** {@code UPDATE child SET fk = NULL WHERE fk = $parent}: unloaded children of a deleted parent. */
    WriteStep detachChildren(RelationshipMapping r, EntityState parent, Deque<Runnable> undo) {
        ColumnMapping fk = r.remoteColumn();
        Step step = new Step(WriteStep.Kind.UPDATE, List.of());
        step.renderer = () -> {
            Object key = parent.snapshot()[r.localColumn().index()];
            RenderedSql sql = renderer.render(new SqlStatement.Update(r.target().table(),
                    List.of(new SqlStatement.Assignment(fk.column(), new SqlExpression.Parameter(null, fk.type().databaseClass()))),
                    new SqlExpression.Comparison(new SqlExpression.Column(null, fk.column()), "=",
                            new SqlExpression.Parameter(key, fk.type().databaseClass()))));
            step.outcome = (rowCount, rows) -> {
                // Children the session holds follow the database.
                for (EntityState child : identityMap.states()) {
                    if (child.mapping() != r.target() || child.snapshot() == null
                            || !java.util.Objects.equals(child.snapshot()[fk.index()], key)) continue;
                    Object previous = fk.get(child.entity());
                    Object[] before = child.snapshot();
                    Object[] after = before.clone();
                    after[fk.index()] = null;
                    fk.set(child.entity(), null);
                    identityMap.updated(child, after);
                    undo.push(() -> {
                        fk.set(child.entity(), previous);
                        identityMap.updated(child, before);
                    });
                }
            };
            return sql;
        };
        return step;
    }

    /**
     * DELETE of the unloaded children of deleted parents by the parents' keys (a DELETE cascade over a
     * collection nobody loaded). Children the session holds that the statement deleted leave it.
     */
    WriteStep deleteByParentKeys(RelationshipMapping r, List<Object> parentKeys, Deque<Runnable> undo) {
        ColumnMapping fk = r.remoteColumn();
        EntityMapping children = r.target();
        Step step = new Step(WriteStep.Kind.DELETE, List.of());
        step.renderer = () -> {
            RenderedSql sql = renderer.render(new SqlStatement.DeleteFromArrays(children.table(), List.of(fk.column()),
                    List.of(SqlExpression.Parameter.array(fk.type().databaseClass(), parentKeys)),
                    List.of(renderer.dialect().arrayElementType(fk.type().columnType()))));
            step.outcome = (rowCount, rows) -> {
                java.util.Set<Object> deletedParents = new java.util.HashSet<>(parentKeys);
                for (EntityState child : identityMap.states()) {
                    if (child.mapping() != children || child.snapshot() == null
                            || !deletedParents.contains(child.snapshot()[fk.index()])) continue;
                    EntityStatus status = child.status();
                    identityMap.remove(child);
                    undo.push(() -> identityMap.reinstate(child, status));
                }
            };
            return sql;
        };
        return step;
    }

    // ----------------------------------------------------------------------------------- batches


    /**
     * INSERT of many objects of one table in one statement over array binds. When their keys are
     * generated, a first statement allocates them from the identity's sequence, so each object gets
     * its key by position, never by trusting the order of returned rows.
     */
    List<WriteStep> insertBatch(List<EntityState> states, Deque<Runnable> undo, java.util.function.Consumer<EntityState> beforeRender) {
        EntityMapping mapping = states.get(0).mapping();
        List<WriteStep> steps = new ArrayList<>(2);
        if (mapping.generatedColumn().isPresent()) steps.add(allocateIds(states, undo));
        steps.add(insertRows(states, undo, beforeRender, null));
        return steps;
    }

    /**
     * The statement allocating the generated keys of those of {@code states} (all of one table with a
     * generated key) that have none yet, from the identity's sequence, one row with an array of keys;
     * each object gets its key by position.
     */
    WriteStep allocateIds(List<EntityState> states, Deque<Runnable> undo) {
        EntityMapping mapping = states.get(0).mapping();
        ColumnMapping generated = mapping.generatedColumn().orElseThrow();
        Step allocate = new Step(WriteStep.Kind.ALLOCATE_IDS, List.of(Long[].class));
        allocate.renderer = () -> {
            List<EntityState> needing = new ArrayList<>();
            for (EntityState s : states) if (generated.get(s.entity()) == null) needing.add(s);
            if (needing.isEmpty()) return null;
            RenderedSql sql = renderer.allocateKeys(mapping.table(), generated.column(), needing.size());
            allocate.outcome = (rowCount, rows) -> {
                Long[] keys = rows.size() == 1 ? (Long[]) rows.get(0)[0] : null;
                if (keys == null || keys.length != needing.size()) {
                    throw dev.braid.core.error.Require.bug("Allocated " + (keys == null ? 0 : keys.length) + " keys for "
                            + needing.size() + " rows of " + mapping.table());
                }
                for (int i = 0; i < needing.size(); i++) {
                    Object entity = needing.get(i).entity();
                    Object id = generated.type().databaseClass() == Integer.class ? (Object) keys[i].intValue() : keys[i];
                    generated.set(entity, generated.fromDatabase(id));
                    undo.push(() -> generated.set(entity, null));
                }
            };
            return sql;
        };
        return allocate;
    }

    /**
     * H2: INSERT of many objects of one table in one statement over array binds, without the generated
     * key column; the statement returns the generated keys ({@code FINAL TABLE}), which H2 assigns in
     * increasing order of the rows inserted, so the i-th smallest key belongs to the i-th object.
     */
    WriteStep insertBatchReturningKeys(List<EntityState> states, Deque<Runnable> undo,
                                       java.util.function.Consumer<EntityState> beforeRender) {
        ColumnMapping generated = states.get(0).mapping().generatedColumn().orElse(null);
        return insertRows(states, undo, beforeRender, generated);
    }

    /**
     * INSERT of many objects of one table in one statement (over arrays, or multi-row VALUES on H2).
     *
     * @param generated a generated key column left out of the statement and returned by it, or null
     */
    WriteStep insertRows(List<EntityState> states, Deque<Runnable> undo,
                                 java.util.function.Consumer<EntityState> beforeRender, ColumnMapping generated) {
        EntityMapping mapping = states.get(0).mapping();
        Step insert = new Step(WriteStep.Kind.INSERT,
                generated == null ? List.of() : List.of(generated.type().databaseClass()));
        insert.renderer = () -> {
            int n = states.size();
            List<ColumnMapping> columns = mapping.columns();
            Object[][] written = new Object[n][];
            List<String> names = new ArrayList<>();
            List<SqlExpression.Parameter> arrays = new ArrayList<>();
            List<String> types = new ArrayList<>();
            Object[] versions = new Object[n];
            for (int row = 0; row < n; row++) {
                beforeRender.accept(states.get(row));
                written[row] = new Object[columns.size()];
            }
            for (ColumnMapping column : columns) {
                if (column == generated) continue;
                Object[] array = SqlExpression.Parameter.newArray(column.type().databaseClass(), n);
                for (int row = 0; row < n; row++) {
                    Object entity = states.get(row).entity();
                    Object value = column.getForDatabase(entity);
                    if (column.isVersion() && (value == null || ((Number) value).longValue() == 0)) {
                        value = column.type().databaseClass() == Long.class ? (Object) 1L : (Object) 1;
                        versions[row] = value;
                    }
                    if (value == null && column.isId()) {
                        throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot insert " + mapping.name()
                                + ": id " + column.qualifiedName() + " is null and not generated. Fix: assign it before"
                                + " adding the object, or annotate it @Identity");
                    }
                    array[row] = value;
                    written[row][column.index()] = value;
                }
                names.add(column.column());
                arrays.add(SqlExpression.Parameter.of(array));
                types.add(renderer.dialect().arrayElementType(column.type().columnType()));
            }
            RenderedSql sql = renderer.render(new SqlStatement.InsertFromArrays(mapping.table(), names, arrays, types,
                    generated == null ? List.of() : List.of(generated.column())));
            insert.outcome = (rowCount, rows) -> {
                if (rowCount != n) {
                    throw dev.braid.core.error.Require.bug("INSERT of " + n + " " + mapping.name() + " rows affected " + rowCount);
                }
                if (generated != null) {
                    List<Object> keys = new ArrayList<>(n);
                    for (Object[] r : rows) keys.add(r[0]);
                    keys.sort(null); // identity values increase in the order the rows were inserted
                    for (int row = 0; row < n; row++) {
                        Object entity = states.get(row).entity();
                        written[row][generated.index()] = keys.get(row);
                        generated.set(entity, generated.fromDatabase(keys.get(row)));
                        undo.push(() -> generated.set(entity, null));
                    }
                }
                ColumnMapping versionColumn = mapping.versionColumn().orElse(null);
                for (int row = 0; row < n; row++) {
                    EntityState state = states.get(row);
                    if (versionColumn != null && versions[row] != null) {
                        Object entity = state.entity();
                        Object previous = versionColumn.get(entity);
                        versionColumn.set(entity, versionColumn.fromDatabase(versions[row]));
                        undo.push(() -> versionColumn.set(entity, previous));
                    }
                    EntityKey previousKey = state.key();
                    identityMap.inserted(state, mapping.keyOf(state.entity()), written[row]);
                    undo.push(() -> identityMap.uninserted(state, previousKey));
                }
            };
            return sql;
        };
        return insert;
    }

    /** The columns whose values differ from the snapshot (never the key or version). */
    List<ColumnMapping> changedColumns(EntityState state) {
        Object[] snapshot = state.snapshot();
        List<ColumnMapping> changed = new ArrayList<>();
        for (ColumnMapping column : state.mapping().columns()) {
            if (column.isId() || column.isVersion()) continue;
            if (!sameValue(snapshot[column.index()], column.getForDatabase(state.entity()))) changed.add(column);
        }
        return changed;
    }

    /** UPDATE of the same columns of many unversioned objects of one table, one statement over arrays. */
    WriteStep updateBatch(List<EntityState> states, List<ColumnMapping> columns, Deque<Runnable> undo) {
        return updateBatch(states, columns, undo, s -> { });
    }

    /**
     * As {@link #updateBatch(List, List, Deque)}, with {@code beforeRender} run on each object first (a
     * post-update copies the keys it waited for).
     */
    WriteStep updateBatch(List<EntityState> states, List<ColumnMapping> columns, Deque<Runnable> undo,
                          java.util.function.Consumer<EntityState> beforeRender) {
        EntityMapping mapping = states.get(0).mapping();
        ColumnMapping id = mapping.idColumns().get(0);
        Step step = new Step(WriteStep.Kind.UPDATE, List.of());
        step.renderer = () -> {
            int n = states.size();
            for (EntityState state : states) beforeRender.accept(state);
            List<SqlExpression.Parameter> arrays = new ArrayList<>();
            List<String> types = new ArrayList<>();
            List<ColumnMapping> all = new ArrayList<>();
            all.add(id);
            all.addAll(columns);
            Object[][] current = new Object[n][];
            for (int row = 0; row < n; row++) current[row] = mapping.readDatabaseValues(states.get(row).entity());
            for (ColumnMapping column : all) {
                Object[] array = SqlExpression.Parameter.newArray(column.type().databaseClass(), n);
                for (int row = 0; row < n; row++) {
                    array[row] = column == id ? states.get(row).snapshot()[id.index()] : current[row][column.index()];
                }
                arrays.add(SqlExpression.Parameter.of(array));
                types.add(renderer.dialect().arrayElementType(column.type().columnType()));
            }
            RenderedSql sql = renderer.render(new SqlStatement.UpdateFromArrays(mapping.table(), id.column(),
                    columns.stream().map(ColumnMapping::column).toList(), arrays, types));
            step.outcome = (rowCount, rows) -> {
                if (rowCount != n) {
                    throw new StaleDataException("UPDATE of " + n + " " + mapping.name() + " rows affected " + rowCount
                            + ": some were deleted by another transaction. Fix: reload them and apply the change again."
                            + " SQL: " + sql.sql());
                }
                for (int row = 0; row < n; row++) {
                    EntityState state = states.get(row);
                    Object[] before = state.snapshot();
                    identityMap.updated(state, current[row]);
                    undo.push(() -> identityMap.updated(state, before));
                }
            };
            return sql;
        };
        return step;
    }

    /** DELETE of many unversioned objects of one table by their single-column keys. */
    WriteStep deleteBatch(List<EntityState> states, Deque<Runnable> undo) {
        EntityMapping mapping = states.get(0).mapping();
        ColumnMapping id = mapping.idColumns().get(0);
        Step step = new Step(WriteStep.Kind.DELETE, List.of());
        step.renderer = () -> {
            Object[] keys = SqlExpression.Parameter.newArray(id.type().databaseClass(), states.size());
            for (int i = 0; i < states.size(); i++) keys[i] = states.get(i).snapshot()[id.index()];
            RenderedSql sql = renderer.render(new SqlStatement.DeleteFromArrays(mapping.table(), List.of(id.column()),
                    List.of(SqlExpression.Parameter.of(keys)),
                    List.of(renderer.dialect().arrayElementType(id.type().columnType()))));
            step.outcome = (rowCount, rows) -> {
                for (EntityState state : states) {
                    identityMap.remove(state);
                    undo.push(() -> identityMap.reinstate(state, EntityStatus.DELETED));
                }
            };
            return sql;
        };
        return step;
    }

    /** INSERT (or DELETE) of many link rows of one many-to-many in one statement. */
    WriteStep linkBatch(RelationshipMapping r, List<Object[]> pairs, boolean insert) {
        Step step = new Step(insert ? WriteStep.Kind.LINK_INSERT : WriteStep.Kind.LINK_DELETE, List.of());
        step.renderer = () -> {
            Object[] owners = SqlExpression.Parameter.newArray(r.localColumn().type().databaseClass(), pairs.size());
            Object[] targets = SqlExpression.Parameter.newArray(r.remoteColumn().type().databaseClass(), pairs.size());
            for (int i = 0; i < pairs.size(); i++) {
                owners[i] = key(r.localColumn(), pairs.get(i)[0]).value();
                targets[i] = key(r.remoteColumn(), pairs.get(i)[1]).value();
            }
            List<String> columns = List.of(r.link().ownerColumn(), r.link().targetColumn());
            List<SqlExpression.Parameter> arrays = List.of(SqlExpression.Parameter.of(owners), SqlExpression.Parameter.of(targets));
            List<String> types = List.of(
                    renderer.dialect().arrayElementType(r.localColumn().type().columnType()),
                    renderer.dialect().arrayElementType(r.remoteColumn().type().columnType()));
            step.outcome = (rowCount, rows) -> { };
            return renderer.render(insert
                    ? new SqlStatement.InsertFromArrays(r.link().table(), columns, arrays, types)
                    : new SqlStatement.DeleteFromArrays(r.link().table(), columns, arrays, types));
        };
        return step;
    }

    private static SqlExpression.Parameter key(ColumnMapping column, Object entity) {
        Object value = column.getForDatabase(entity);
        if (value == null) {
            throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot write a link row: " + column.qualifiedName()
                    + " of " + entity.getClass().getSimpleName() + " has no value. Fix: add the object to the session"
                    + " (cascade SAVE_UPDATE does this for related objects)");
        }
        return new SqlExpression.Parameter(value, column.type().databaseClass());
    }

    /** WHERE id = ... [AND version = ...], from the snapshot (what the database holds). */
    private SqlExpression keyCondition(EntityState state) {
        EntityMapping mapping = state.mapping();
        List<SqlExpression> conditions = new ArrayList<>();
        for (ColumnMapping id : mapping.idColumns()) {
            conditions.add(equalsSnapshot(id, state));
        }
        mapping.versionColumn().ifPresent(v -> conditions.add(equalsSnapshot(v, state)));
        return new SqlExpression.Junction(true, conditions);
    }

    private static SqlExpression equalsSnapshot(ColumnMapping column, EntityState state) {
        return new SqlExpression.Comparison(new SqlExpression.Column(null, column.column()), "=",
                new SqlExpression.Parameter(state.snapshot()[column.index()], column.type().databaseClass()));
    }

    private static void expectOne(long rowCount, String verb, EntityMapping mapping, EntityState state, RenderedSql sql) {
        if (rowCount != 1) {
            throw new StaleDataException(verb + " of " + (state.key() == null ? mapping.name() : state.key())
                    + " expected to affect 1 row but affected " + rowCount
                    + (mapping.versionColumn().isPresent()
                    ? ": another transaction changed or deleted it since it was loaded (its version no longer matches)."
                    : ": the row was deleted by another transaction.")
                    + " Fix: reload it (session.get in a new session) and apply the change again. SQL: " + sql.sql());
        }
    }

    /** Equality for dirty checking: arrays by content, decimals by value (1.50 equals 1.5). */
    static boolean sameValue(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) return Arrays.equals(x, y);
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) return x.compareTo(y) == 0;
        return Objects.equals(a, b);
    }

    @FunctionalInterface
    private interface Outcome {
        void apply(long rowCount, List<Object[]> returned);
    }

    @FunctionalInterface
    private interface Renderer {
        RenderedSql render();
    }

    /** A step whose SQL and outcome are decided when it is rendered. */
    private static final class Step implements WriteStep {
        private final Kind kind;
        private List<Class<?>> returned;
        private Renderer renderer;
        private Outcome outcome;

        Step(Kind kind, List<Class<?>> returned) {
            this.kind = kind;
            this.returned = returned;
        }

        @Override
        public Kind kind() { return kind; }

        @Override
        public RenderedSql render() { return renderer.render(); }

        @Override
        public List<Class<?>> returnedTypes() { return returned; }

        @Override
        public void applied(long rowCount, List<Object[]> returnedValues) {
            outcome.apply(rowCount, returnedValues);
        }
    }
}
