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

/** Plans the single-row INSERT, UPDATE and DELETE of one object, with the state changes each implies. */
final class WritePlanner {
    private final SqlRenderer renderer;
    private final IdentityMap identityMap;

    WritePlanner(SqlRenderer renderer, IdentityMap identityMap) {
        this.renderer = renderer;
        this.identityMap = identityMap;
    }

    boolean isDirty(EntityState state) {
        Object[] snapshot = state.snapshot();
        List<ColumnMapping> columns = state.mapping().columns();
        for (int i = 0; i < columns.size(); i++) {
            if (!sameValue(snapshot[i], columns.get(i).getForDatabase(state.entity()))) {
                return true;
            }
        }
        return false;
    }

    WriteStep insert(EntityState state, Deque<Runnable> undo) {
        EntityMapping mapping = state.mapping();
        Object entity = state.entity();
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
        return new Step(WriteStep.Kind.INSERT, sql,
                generated == null ? List.of() : List.of(generated.type().databaseClass()),
                (rowCount, returned) -> {
                    expectOne(rowCount, "INSERT", mapping, state, sql);
                    if (generatedColumn != null) {
                        Object id = generatedColumn.fromDatabase(returned[0]);
                        generatedColumn.set(entity, id);
                        written[generatedColumn.index()] = returned[0];
                        undo.push(() -> generatedColumn.set(entity, null));
                    }
                    if (version != null) {
                        ColumnMapping versionColumn = mapping.versionColumn().orElseThrow();
                        Object previous = versionColumn.get(entity);
                        versionColumn.set(entity, version);
                        undo.push(() -> versionColumn.set(entity, previous));
                    }
                    EntityKey previousKey = state.key();
                    identityMap.inserted(state, mapping.keyOf(entity), written);
                    undo.push(() -> identityMap.uninserted(state, previousKey));
                });
    }

    WriteStep update(EntityState state, Deque<Runnable> undo) {
        EntityMapping mapping = state.mapping();
        Object entity = state.entity();
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
        return new Step(WriteStep.Kind.UPDATE, sql, List.of(), (rowCount, returned) -> {
            expectOne(rowCount, "UPDATE", mapping, state, sql);
            if (versionColumn != null) {
                Object previous = versionColumn.get(entity);
                versionColumn.set(entity, versionColumn.fromDatabase(version));
                undo.push(() -> versionColumn.set(entity, previous));
            }
            identityMap.updated(state, current);
            undo.push(() -> identityMap.updated(state, snapshot));
        });
    }

    WriteStep delete(EntityState state, Deque<Runnable> undo) {
        EntityMapping mapping = state.mapping();
        RenderedSql sql = renderer.render(new SqlStatement.Delete(mapping.table(), keyCondition(state)));
        boolean versioned = mapping.versionColumn().isPresent();
        return new Step(WriteStep.Kind.DELETE, sql, List.of(), (rowCount, returned) -> {
            // Like SQLAlchemy: a DELETE that finds no row is an error only when a version column
            // proves someone else changed the row; otherwise the row is gone, which was the goal.
            if (versioned) expectOne(rowCount, "DELETE", mapping, state, sql);
            identityMap.remove(state);
            undo.push(() -> identityMap.reinstate(state, EntityStatus.DELETED));
        });
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

    private record Step(Kind kind, RenderedSql sql, List<Class<?>> returnedTypes, Outcome outcome) implements WriteStep {
        @Override
        public void applied(long rowCount, Object[] returned) {
            outcome.apply(rowCount, returned);
        }
    }

    @FunctionalInterface
    private interface Outcome {
        void apply(long rowCount, Object[] returned);
    }
}
