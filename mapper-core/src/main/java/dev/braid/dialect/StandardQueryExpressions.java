package dev.braid.dialect;

/** Standard SQL's query expressions: every default of {@link QueryExpressions}. */
final class StandardQueryExpressions implements QueryExpressions {
    static final StandardQueryExpressions INSTANCE = new StandardQueryExpressions();

    private StandardQueryExpressions() {}
}
