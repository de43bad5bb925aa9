/**
 * The statements Braid sends, as execution listeners see them: their bound values ({@code Bind}) and
 * who issued them ({@code StatementOrigin}: a query, a relationship load, a flush step, with the mapped
 * type and relationship).
 */
@NullMarked
package dev.braid.statement;

import org.jspecify.annotations.NullMarked;
