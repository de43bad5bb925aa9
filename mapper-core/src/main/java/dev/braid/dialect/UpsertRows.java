package dev.braid.dialect;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One insert-or-ignore / insert-or-update statement for {@link Upserts} to write: rows of one table, the
 * unique key they may collide on, and what to do with a row that already exists.
 *
 * @param table           the table
 * @param columns         the inserted columns, in the order of {@code rows}
 * @param rows            one array per inserted column, all of the same length (one element per row)
 * @param conflictColumns the columns of the unique key rows collide on; empty when only {@code constraint} is known
 * @param constraint      the name of that unique constraint when the caller named it, else null
 * @param updateColumns   on a collision, the columns set to the new row's values (empty: do nothing,
 *                        unless {@code versionColumn} is set)
 * @param versionColumn   on a collision, a column incremented by one (an optimistic-lock version), or null
 * @param returning       columns of the inserted and updated rows to return (none: return nothing)
 */
public record UpsertRows(String table, List<String> columns, List<ArrayBind> rows, List<String> conflictColumns,
                         @Nullable String constraint, List<String> updateColumns, @Nullable String versionColumn,
                         List<String> returning) {
    /**
     * Copies the lists.
     *
     * @param table           the table
     * @param columns         the inserted columns
     * @param rows            one array per inserted column
     * @param conflictColumns the unique key's columns, possibly empty when {@code constraint} is set
     * @param constraint      the unique constraint's name, or null
     * @param updateColumns   the columns to set on a collision
     * @param versionColumn   the column to increment on a collision, or null
     * @param returning       the columns to return
     * @throws dev.braid.error.MapperException {@code BRAID_INTERNAL} when neither a key nor a constraint is given
     */
    public UpsertRows {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        conflictColumns = List.copyOf(conflictColumns);
        updateColumns = List.copyOf(updateColumns);
        returning = List.copyOf(returning);
        if (conflictColumns.isEmpty() && constraint == null) {
            throw dev.braid.core.internal.util.Require.bug("an upsert of " + table + " needs a conflict key or constraint");
        }
    }

    /**
     * Whether an existing row is updated (else it is left as it is).
     *
     * @return true for insert-or-update
     */
    public boolean updates() {
        return !updateColumns.isEmpty() || versionColumn != null;
    }
}
