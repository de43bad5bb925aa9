package dev.braid.core.internal.sql;

import dev.braid.core.internal.util.Require;
import dev.braid.dialect.ColumnType;

import java.util.List;

/** Immutable statements. Rendering them is a dialect's job ({@link SqlRenderer}); executing them is not core's. */
public sealed interface SqlStatement {

    /** A SELECT. {@code where}, {@code limit} and {@code offset} may be null. */
    record Select(List<SqlExpression> columns, TableRef from, List<Join> joins, SqlExpression where,
                  List<OrderTerm> orderBy, Long limit, Long offset) implements SqlStatement {
        public Select {
            columns = List.copyOf(columns);
            Require.nonNull(from, "from");
            joins = List.copyOf(joins);
            orderBy = List.copyOf(orderBy);
        }

        public Select(List<SqlExpression> columns, TableRef from, SqlExpression where, List<OrderTerm> orderBy,
                      Long limit, Long offset) {
            this(columns, from, List.of(), where, orderBy, limit, offset);
        }
    }

    /** A SELECT that locks the rows it reads until the transaction ends ({@code ... FOR UPDATE}, the dialect's clause). */
    record LockingSelect(Select select) implements SqlStatement {
        public LockingSelect { Require.nonNull(select, "select"); }
    }

    /** {@code [LEFT OUTER] JOIN table ON condition}. */
    record Join(TableRef table, SqlExpression on, boolean leftOuter) {
        public Join {
            Require.nonNull(table, "table");
            Require.nonNull(on, "on");
        }
    }

    /** An INSERT of one row; {@code returning} lists generated columns to read back (may be empty). */
    record Insert(String table, List<String> columns, List<SqlExpression.Parameter> values, List<String> returning)
            implements SqlStatement {
        public Insert {
            Require.nonNull(table, "table");
            columns = List.copyOf(columns);
            values = List.copyOf(values);
            returning = List.copyOf(returning);
            if (columns.size() != values.size()) {
                throw dev.braid.core.internal.util.Require.bug("INSERT into " + table + ": " + columns.size() + " columns, "
                        + values.size() + " values");
            }
        }
    }

    /**
     * An INSERT of many rows in one statement, one array per column; the dialect's
     * {@link dev.braid.dialect.BatchWrites} writes the rows (unnested arrays on PostgreSQL,
     * a VALUES list on H2). {@code arrayTypes} are the SQL element type names for casts.
     */
    record InsertFromArrays(String table, List<String> columns, List<SqlExpression.Parameter> arrays,
                            List<String> arrayTypes, List<String> returning) implements SqlStatement {
        public InsertFromArrays {
            Require.nonNull(table, "table");
            columns = List.copyOf(columns);
            arrays = List.copyOf(arrays);
            arrayTypes = List.copyOf(arrayTypes);
            returning = List.copyOf(returning);
        }

        public InsertFromArrays(String table, List<String> columns, List<SqlExpression.Parameter> arrays,
                                List<String> arrayTypes) {
            this(table, columns, arrays, arrayTypes, List.of());
        }
    }

    /**
     * An UPDATE of many rows by key, each with its own values, in one statement, as the dialect's
     * {@link dev.braid.dialect.BatchWrites} writes it (UPDATE ... FROM arrays, or a MERGE).
     */
    record UpdateFromArrays(String table, String keyColumn, List<String> setColumns,
                            List<SqlExpression.Parameter> arrays, List<String> arrayTypes) implements SqlStatement {
        public UpdateFromArrays {
            Require.nonNull(table, "table");
            Require.nonNull(keyColumn, "keyColumn");
            setColumns = List.copyOf(setColumns);
            arrays = List.copyOf(arrays);
            arrayTypes = List.copyOf(arrayTypes);
        }
    }

    /** A DELETE of many rows by key in one statement, the keys matched as the dialect's {@link dev.braid.dialect.BatchWrites} does. */
    record DeleteFromArrays(String table, List<String> columns, List<SqlExpression.Parameter> arrays,
                            List<String> arrayTypes) implements SqlStatement {
        public DeleteFromArrays {
            Require.nonNull(table, "table");
            columns = List.copyOf(columns);
            arrays = List.copyOf(arrays);
            arrayTypes = List.copyOf(arrayTypes);
        }
    }

    record Assignment(String column, SqlExpression.Parameter value) {
        public Assignment { Require.nonNull(column, "column"); Require.nonNull(value, "value"); }
    }

    record Update(String table, List<Assignment> assignments, SqlExpression where) implements SqlStatement {
        public Update {
            Require.nonNull(table, "table");
            assignments = List.copyOf(assignments);
            Require.nonNull(where, "an UPDATE without WHERE is never generated");
            if (assignments.isEmpty()) throw dev.braid.core.internal.util.Require.bug("UPDATE " + table + " sets nothing");
        }
    }

    /**
     * {@code UPDATE table SET column = value, ... WHERE ...} over the rows a filter matches (a bulk update),
     * returning the updated rows' {@code returning} columns (their new values) when given.
     */
    record BulkUpdate(String table, List<SetClause> set, SqlExpression where, List<String> returning)
            implements SqlStatement {
        public BulkUpdate {
            Require.nonNull(table, "table");
            set = List.copyOf(set);
            Require.nonNull(where, "an UPDATE without WHERE is never generated");
            returning = List.copyOf(returning);
            if (set.isEmpty()) throw Require.bug("UPDATE " + table + " sets nothing");
        }
    }

    /** {@code column = value} of a bulk update; the value may be an expression over the row ({@code n = n + $1}). */
    record SetClause(String column, SqlExpression value) {
        public SetClause { Require.nonNull(column, "column"); Require.nonNull(value, "value"); }
    }

    /** {@code DELETE FROM table WHERE ...}, returning the deleted rows' {@code returning} columns when given. */
    record Delete(String table, SqlExpression where, List<String> returning) implements SqlStatement {
        public Delete {
            Require.nonNull(table, "table");
            Require.nonNull(where, "a DELETE without WHERE is never generated");
            returning = List.copyOf(returning);
        }

        public Delete(String table, SqlExpression where) {
            this(table, where, List.of());
        }
    }

    /**
     * A column.
     *
     * @param sqlType           when not null, its JSON, array or enum type (named by the dialect instead of {@code type})
     * @param defaultExpression the column's DEFAULT, SQL as declared in the mapping; null for none
     * @param keyed             true when an index must be able to cover it (a key, unique or foreign-key column, or
     *                          one referred to): an unbounded string then keeps the dialect's indexable type
     */
    record ColumnDefinition(String name, ColumnType type, int length, int precision, int scale,
                            boolean nullable, boolean identity, dev.braid.dialect.SqlType sqlType,
                            String defaultExpression, boolean keyed) {
        public ColumnDefinition { Require.nonNull(name); Require.nonNull(type); }

        /** A column that an index may cover. */
        public ColumnDefinition(String name, ColumnType type, int length, int precision, int scale,
                                boolean nullable, boolean identity, dev.braid.dialect.SqlType sqlType,
                                String defaultExpression) {
            this(name, type, length, precision, scale, nullable, identity, sqlType, defaultExpression, true);
        }

        public ColumnDefinition(String name, ColumnType type, int length, int precision, int scale,
                                boolean nullable, boolean identity) {
            this(name, type, length, precision, scale, nullable, identity, null, null);
        }
    }

    record UniqueConstraint(String name, List<String> columns) {
        public UniqueConstraint { columns = List.copyOf(columns); }
    }

    record ForeignKeyConstraint(String name, List<String> columns, String referencedTable,
                                List<String> referencedColumns, boolean onDeleteCascade) {
        public ForeignKeyConstraint {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }

        public ForeignKeyConstraint(String name, List<String> columns, String referencedTable, List<String> referencedColumns) {
            this(name, columns, referencedTable, referencedColumns, false);
        }
    }

    record CreateTable(String table, List<ColumnDefinition> columns, List<String> primaryKey,
                       List<UniqueConstraint> uniques, List<ForeignKeyConstraint> foreignKeys,
                       boolean ifNotExists) implements SqlStatement {
        public CreateTable {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            uniques = List.copyOf(uniques);
            foreignKeys = List.copyOf(foreignKeys);
        }
    }

    record CreateIndex(String name, String table, List<String> columns, boolean ifNotExists) implements SqlStatement {
        public CreateIndex { columns = List.copyOf(columns); }
    }

    /** {@code DROP TABLE [IF EXISTS] table [CASCADE]}. */
    record DropTable(String table, boolean ifExists, boolean cascade) implements SqlStatement {
        public DropTable(String table, boolean ifExists) {
            this(table, ifExists, false);
        }
    }

    /** {@code ALTER TABLE table ADD CONSTRAINT ... FOREIGN KEY ...}, for foreign keys that close a cycle. */
    record AddForeignKey(String table, ForeignKeyConstraint constraint, boolean ifNotExists) implements SqlStatement {}

    /** The creation of a database enum type (where the dialect creates them), guarded when {@code ifNotExists}. */
    record CreateEnumType(dev.braid.dialect.SqlType.NamedEnum type, boolean ifNotExists) implements SqlStatement {}

    /** The drop of a database enum type, if it exists. */
    record DropEnumType(dev.braid.dialect.SqlType.NamedEnum type) implements SqlStatement {}

    /**
     * A SELECT of projections: {@code SELECT [DISTINCT] columns FROM ... [WHERE] [GROUP BY] [HAVING]
     * [ORDER BY] [LIMIT/OFFSET]}. {@code where}, {@code having}, {@code limit} and {@code offset} may be null.
     */
    record Projection(boolean distinct, List<SqlExpression> columns, TableRef from, List<Join> joins,
                      SqlExpression where, List<SqlExpression> groupBy, SqlExpression having,
                      List<OrderTerm> orderBy, Long limit, Long offset) implements SqlStatement {
        public Projection {
            columns = List.copyOf(columns);
            Require.nonNull(from, "from");
            joins = List.copyOf(joins);
            groupBy = List.copyOf(groupBy);
            orderBy = List.copyOf(orderBy);
        }
    }

    /**
     * Queries combined by set operators, {@code operators.get(i)} between {@code members.get(i)} and
     * {@code members.get(i + 1)}, then ordered and paged as a whole (ORDER BY terms name output columns by
     * position). Members that are set operations or have their own order or paging are parenthesized.
     */
    record SetOperation(List<SqlStatement> members, List<dev.braid.dialect.QueryExpressions.SetOperator> operators,
                        List<OrderTerm> orderBy, Long limit, Long offset) implements SqlStatement {
        public SetOperation {
            members = List.copyOf(members);
            operators = List.copyOf(operators);
            orderBy = List.copyOf(orderBy);
            if (operators.size() != members.size() - 1) {
                throw Require.bug(members.size() + " members need " + (members.size() - 1) + " operators, not "
                        + operators.size());
            }
        }
    }

    /** A common table expression: {@code name (columns) AS (query)}. */
    record CommonTable(String name, List<String> columns, SqlStatement query) {
        public CommonTable {
            Require.nonNull(name, "name");
            columns = List.copyOf(columns);
            Require.nonNull(query, "query");
        }
    }

    /** {@code WITH [RECURSIVE] table, ... body}. */
    record With(boolean recursive, List<CommonTable> tables, SqlStatement body) implements SqlStatement {
        public With {
            tables = List.copyOf(tables);
            Require.nonNull(body, "body");
        }
    }
}
