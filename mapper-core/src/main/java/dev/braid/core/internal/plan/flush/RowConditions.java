package dev.braid.core.internal.plan.flush;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.error.StaleDataException;
import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.statement.RenderedSql;
import dev.braid.core.internal.sql.SqlExpression;

import java.util.ArrayList;
import java.util.List;

/** What the step factories share: the key condition of a row, the one-row check, the missing-id error. */
final class RowConditions {
    private RowConditions() {}

    /** WHERE id = ... [AND version = ...], from the snapshot (what the database holds). */
    static SqlExpression keyCondition(EntityState state) {
        EntityMapping mapping = state.mapping();
        List<SqlExpression> conditions = new ArrayList<>();
        for (ColumnMapping id : mapping.idColumns()) {
            conditions.add(equalsSnapshot(id, state));
        }
        mapping.versionColumn().ifPresent(v -> conditions.add(equalsSnapshot(v, state)));
        return new SqlExpression.Junction(true, conditions);
    }

    /** The key columns only (a joined-table hierarchy's subclass table has no version column). */
    static SqlExpression idCondition(EntityState state) {
        List<SqlExpression> conditions = new ArrayList<>();
        for (ColumnMapping id : state.mapping().idColumns()) conditions.add(equalsSnapshot(id, state));
        return new SqlExpression.Junction(true, conditions);
    }

    private static SqlExpression equalsSnapshot(ColumnMapping column, EntityState state) {
        return new SqlExpression.Comparison(new SqlExpression.Column(null, column.column()), "=",
                new SqlExpression.Parameter(state.snapshot()[column.index()], column.type().databaseClass(), column.type().sqlType()));
    }

    static void expectOne(long rowCount, String verb, EntityMapping mapping, EntityState state, RenderedSql sql) {
        if (rowCount != 1) {
            throw new StaleDataException(verb + " of " + (state.key() == null ? mapping.name() : state.key())
                    + " expected to affect 1 row but affected " + rowCount
                    + (mapping.versionColumn().isPresent()
                    ? ": another transaction changed or deleted it since it was loaded (its version no longer matches)."
                    : ": the row was deleted by another transaction.")
                    + " Fix: reload it (session.get in a new session) and apply the change again. SQL: " + sql.sql());
        }
    }

    /** An id that is neither assigned nor generated. */
    static MapperException missingId(EntityMapping mapping, ColumnMapping column) {
        return new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot insert " + mapping.name() + ": id "
                + column.qualifiedName() + " is null and not generated. Fix: assign it before adding the"
                + " object, or annotate it @Identity");
    }

    /** The value a new row's version column starts at, when the object holds none (null or 0). */
    static Object initialVersion(ColumnMapping column, Object value) {
        if (value != null && ((Number) value).longValue() != 0) return null;
        return column.type().databaseClass() == Long.class ? (Object) 1L : (Object) 1;
    }
}
