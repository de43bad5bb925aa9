package dev.braid.query;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.fixtures.Author;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code Attribute.in(...)} rejects nulls with an error that names the attribute and the fix. */
class InPredicateTest {
    private static final ComparableAttribute<Author, Long> ID = Attribute.comparable(Author.class, "id", Long.class);

    @Test
    void aNullElementIsAQueryErrorNamingTheAttributeAndTheFix() {
        MapperException e = catchThrowableOfType(() -> ID.in(Arrays.asList(1L, null, 3L)), MapperException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.BRAID_QUERY);
        assertThat(e).hasMessage("[BRAID_QUERY] Author.id.in(...) was given a null value (element 1 of 3), and SQL's IN"
                + " never matches NULL. Ids of objects that were added but not flushed yet are null. Fix: filter the"
                + " nulls out (or flush first), and use Author.id.isNull() to match rows without a value");
    }

    @Test
    void theVarargsFormAndASetReportTheSame() {
        assertThat(catchThrowableOfType(() -> ID.in(5L, null), MapperException.class))
                .hasMessageContaining("Author.id.in(...) was given a null value (element 1 of 2)");
        Set<Long> withNull = new java.util.HashSet<>(Arrays.asList(null, 2L));
        assertThat(catchThrowableOfType(() -> ID.in(withNull), MapperException.class).code()).isEqualTo(ErrorCode.BRAID_QUERY);
        assertThat(catchThrowableOfType(() -> ID.in((List<Long>) null), MapperException.class))
                .hasMessageContaining("Author.id.in(...) was given a null collection");
    }

    @Test
    void valuesWithoutNullsAreKeptInOrderAndCopied() {
        List<Long> values = new java.util.ArrayList<>(List.of(3L, 1L, 2L));
        Predicate.In in = (Predicate.In) ID.in(values);
        values.clear();
        assertThat(List.<Object>copyOf(in.values())).containsExactly(3L, 1L, 2L);
        assertThat(List.<Object>copyOf(((Predicate.In) ID.in(new TreeSet<>(List.of(2L, 1L)))).values())).containsExactly(1L, 2L);
        assertThat(((Predicate.In) ID.in(List.of())).values()).isEmpty();
    }
}
