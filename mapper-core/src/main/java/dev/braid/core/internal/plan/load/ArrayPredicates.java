package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.meta.Boxing;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.dialect.SqlType;
import dev.braid.dialect.TypeSupport;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.query.Predicate;

/** {@code contains}/{@code overlaps} of an array attribute: checked here, written by the dialect. */
final class ArrayPredicates {
    private ArrayPredicates() {}

    static SqlExpression translate(Predicate.ArrayHas has, ColumnMapping column, SqlExpression.Column operand) {
        String what = column.qualifiedName() + (has.all() ? ".contains" : ".overlaps");
        if (!(column.type().sqlType() instanceof SqlType.ArrayOf array)) {
            throw new MapperException(ErrorCode.BRAID_QUERY, what + " asks about array elements, but "
                    + column.qualifiedName() + " is not an array column. Fix: use eq/in, or map the attribute as an"
                    + " array (String[], List<String>, ...)");
        }
        Class<?> driverClass = column.type().databaseClass().getComponentType();
        Object[] elements = SqlExpression.Parameter.newArray(driverClass, has.elements().size());
        for (int i = 0; i < elements.length; i++) {
            Object element = has.elements().get(i);
            if (!Boxing.boxed(driverClass).isInstance(element)) {
                throw new MapperException(ErrorCode.BRAID_QUERY, what + " was given " + element.getClass().getSimpleName()
                        + " " + element + ", but the elements are " + driverClass.getSimpleName()
                        + ". Fix: pass " + driverClass.getSimpleName() + " values");
            }
            elements[i] = element;
        }
        return new SqlExpression.ArrayMatch(operand, has.all() ? TypeSupport.ArrayMatch.CONTAINS_ALL
                : TypeSupport.ArrayMatch.OVERLAPS, elements, array);
    }
}
