package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.meta.ValueType;
import dev.braid.core.internal.sql.SqlExpression;

/**
 * A translated expression: its SQL, how its value is read from a row, and the value type a bound value
 * compared with it is converted with (null when unknown: the value's own type is used).
 */
record Typed(SqlExpression sql, ReadAs read, ValueType type) {}
