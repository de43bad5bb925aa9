package dev.braid.core.internal.sql;

import dev.braid.statement.RenderedSql;
import dev.braid.core.internal.util.Require;
import dev.braid.dialect.Dialect;

/**
 * Renders the SQL model to text and ordered binds for one dialect. Pure: no connection, no I/O, so
 * any statement can be shown before (or without) running it. A facade over one renderer per statement
 * family (select, insert, update, delete, DDL); none writes database-specific SQL: they ask the
 * dialect's capability objects for those parts.
 */
public final class SqlRenderer {
    private final Dialect dialect;
    private final SelectRenderer selects;
    private final InsertRenderer inserts;
    private final UpdateRenderer updates;
    private final DeleteRenderer deletes;
    private final DdlRenderer ddl;

    /** A renderer for {@code dialect}. */
    public SqlRenderer(Dialect dialect) {
        this.dialect = Require.nonNull(dialect, "dialect");
        this.selects = new SelectRenderer(dialect);
        ExpressionRenderer expressions = selects.expressions();
        this.inserts = new InsertRenderer(dialect, expressions);
        this.updates = new UpdateRenderer(dialect, expressions);
        this.deletes = new DeleteRenderer(dialect, expressions);
        this.ddl = new DdlRenderer(dialect);
    }

    /** The dialect statements are rendered for. */
    public Dialect dialect() {
        return dialect;
    }

    /** The text and binds of {@code statement}. */
    public RenderedSql render(SqlStatement statement) {
        SqlOutput out = new SqlOutput(dialect);
        if (statement instanceof SqlStatement.Select s) {
            selects.select(s, out);
        } else if (statement instanceof SqlStatement.LockingSelect l) {
            selects.select(l.select(), out);
            dialect.returning().lockRows(out);
        } else if (statement instanceof SqlStatement.Projection || statement instanceof SqlStatement.SetOperation
                || statement instanceof SqlStatement.With) {
            selects.query(statement, out);
        } else if (statement instanceof SqlStatement.Insert i) {
            inserts.insert(i, out);
        } else if (statement instanceof SqlStatement.InsertFromArrays i) {
            inserts.insertRows(i, out);
        } else if (statement instanceof SqlStatement.UpdateFromArrays u) {
            updates.updateRows(u, out);
        } else if (statement instanceof SqlStatement.DeleteFromArrays d) {
            deletes.deleteRows(d, out);
        } else if (statement instanceof SqlStatement.Update u) {
            updates.update(u, out);
        } else if (statement instanceof SqlStatement.BulkUpdate u) {
            updates.bulkUpdate(u, out);
        } else if (statement instanceof SqlStatement.Delete d) {
            deletes.delete(d, out);
        } else if (statement instanceof SqlStatement.CreateTable c) {
            ddl.createTable(c, out);
        } else if (statement instanceof SqlStatement.CreateIndex c) {
            ddl.createIndex(c, out);
        } else if (statement instanceof SqlStatement.DropTable d) {
            ddl.dropTable(d, out);
        } else if (statement instanceof SqlStatement.AddForeignKey a) {
            ddl.addForeignKey(a, out);
        } else if (statement instanceof SqlStatement.CreateEnumType c) {
            dialect.types().createEnumType(c.type(), c.ifNotExists(), out);
        } else if (statement instanceof SqlStatement.DropEnumType d) {
            dialect.types().dropEnumType(d.type(), out);
        } else {
            throw Require.bug("Unknown statement " + statement);
        }
        return out.rendered();
    }

    /** The text and binds a dialect capability writes on its own (an upsert, sequence DDL, drawing a sequence value). */
    public RenderedSql renderWith(java.util.function.Consumer<dev.braid.dialect.SqlWriter> writer) {
        SqlOutput out = new SqlOutput(dialect);
        writer.accept(out);
        return out.rendered();
    }

    /**
     * The statement allocating {@code count} generated keys of {@code table.column} ahead of a many-row
     * INSERT: one row holding an array of the keys (see {@link dev.braid.dialect.KeyAllocation}).
     */
    public RenderedSql allocateKeys(String table, String column, int count) {
        SqlOutput out = new SqlOutput(dialect);
        dialect.keyAllocation().allocate(table, column, count, out);
        return out.rendered();
    }
}
