package dev.braid.dialect;

/**
 * How queries beyond a plain SELECT are written: the {@code WITH} clause that opens common table
 * expressions, the set operators that combine queries, and a condition selected as a boolean value.
 * The defaults are standard SQL, which H2 and PostgreSQL both speak; a database that differs (SQL Server
 * writes no {@code RECURSIVE}, Oracle writes {@code MINUS} and has no boolean values) overrides them.
 */
public interface QueryExpressions {

    /** The set operators. */
    enum SetOperator {
        /** Rows of either query, duplicates removed. */
        UNION,
        /** Rows of both queries, duplicates kept. */
        UNION_ALL,
        /** Rows found by both queries. */
        INTERSECT,
        /** Rows of the first query that the second does not find. */
        EXCEPT
    }

    /**
     * Writes the keywords opening a {@code WITH} clause, with its trailing space.
     *
     * @param recursive whether one of its tables refers to itself
     * @param out       where the text is written
     */
    default void with(boolean recursive, SqlWriter out) {
        out.append(recursive ? "WITH RECURSIVE " : "WITH ");
    }

    /**
     * Writes a set operator between two queries, with a space on each side.
     *
     * @param operator the operator
     * @param out      where the text is written
     */
    default void setOperator(SetOperator operator, SqlWriter out) {
        out.append(switch (operator) {
            case UNION -> " UNION ";
            case UNION_ALL -> " UNION ALL ";
            case INTERSECT -> " INTERSECT ";
            case EXCEPT -> " EXCEPT ";
        });
    }

    /**
     * Writes what comes before a condition selected as a value that is true when it holds and false
     * otherwise (never NULL).
     *
     * @param out where the text is written
     */
    default void openCondition(SqlWriter out) {
        out.append("CASE WHEN ");
    }

    /**
     * Writes what comes after such a condition.
     *
     * @param out where the text is written
     */
    default void closeCondition(SqlWriter out) {
        out.append(" THEN TRUE ELSE FALSE END");
    }

    /**
     * Writes the escape clause of a LIKE, with its leading space: {@code  ESCAPE '\'} in standard SQL, where a
     * backslash in a string literal is an ordinary character.
     *
     * @param escape the escape character the pattern uses
     * @param out    where the text is written
     */
    default void likeEscape(char escape, SqlWriter out) {
        out.append(" ESCAPE '").append(escape).append('\'');
    }

    /**
     * Standard SQL: {@code WITH RECURSIVE}, {@code UNION ALL}, {@code EXCEPT},
     * {@code CASE WHEN ... THEN TRUE ELSE FALSE END}.
     *
     * @return the shared standard instance
     */
    static QueryExpressions standard() {
        return StandardQueryExpressions.INSTANCE;
    }
}
