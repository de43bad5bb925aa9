package dev.braid.query;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.internal.util.Require;
import dev.braid.core.fixtures.Author;
import dev.braid.core.fixtures.Book;
import dev.braid.dialect.Dialect;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bad arguments to the query model fail with MapperExceptions that carry a code, never the JDK's exceptions. */
class ArgumentErrorsTest {
    private static final ComparableAttribute<Author, Long> ID = Attribute.comparable(Author.class, "id", Long.class);

    private static MapperException error(ThrowingCallable call) {
        MapperException e = catchThrowableOfType(call, MapperException.class);
        assertThat(e).as("a MapperException").isNotNull();
        return e;
    }

    @Test
    void negativeLimitsAndOffsetsAreArgumentErrors() {
        MapperException limit = error(() -> Query.from(Author.class).limit(-1));
        assertThat(limit.code()).isEqualTo(ErrorCode.BRAID_ARGUMENT);
        assertThat(limit).hasMessage("[BRAID_ARGUMENT] limit(n) takes n >= 0, was -1");
        assertThat(error(() -> Query.from(Author.class).offset(-5)))
                .hasMessage("[BRAID_ARGUMENT] offset(n) takes n >= 0, was -5");
    }

    @Test
    void nullArgumentsNameTheParameter() {
        MapperException e = error(() -> Query.from(Author.class).where(null));
        assertThat(e.code()).isEqualTo(ErrorCode.BRAID_ARGUMENT);
        assertThat(e).hasMessageStartingWith("[BRAID_ARGUMENT] ").hasMessageContaining(" must not be null. Fix: pass a value");
        assertThat(error(() -> Require.nonNull(null, "window")))
                .hasMessageStartingWith("[BRAID_ARGUMENT] window must not be null.");
    }

    @Test
    void anOrderedComparisonWithNullIsAQueryErrorWithTheFix() {
        MapperException e = error(() -> ID.lt(null));
        assertThat(e.code()).isEqualTo(ErrorCode.BRAID_QUERY);
        assertThat(e).hasMessageContaining("Cannot compare").hasMessageContaining("Use isNull()/isNotNull()");
    }

    @Test
    void anEmptyLoadPathAndANegativeChunkAreArgumentErrors() {
        assertThat(error(() -> Loads.selectin()).code()).isEqualTo(ErrorCode.BRAID_ARGUMENT);
        Relation<Author, Book> books = Relation.of(Author.class, "books", Book.class);
        assertThat(error(() -> Loads.selectin(books).chunkSize(-1)))
                .hasMessage("[BRAID_ARGUMENT] chunkSize(n) takes n >= 0 (0: the relationship's default), was -1");
    }

    @Test
    void aLoadPathThatBreaksIsAQueryErrorNamingWhere() {
        Relation<Author, Book> books = Relation.of(Author.class, "books", Book.class);
        MapperException e = error(() -> Loads.selectin(books, books));
        assertThat(e.code()).isEqualTo(ErrorCode.BRAID_QUERY);
        assertThat(e).hasMessageContaining("Load path breaks at").hasMessageContaining("it must start at Book");
    }

    @Test
    void anUnknownDatabaseNamesTheFix() {
        MapperException e = error(() -> Dialect.forProductName("Oracle"));
        assertThat(e.code()).isEqualTo(ErrorCode.BRAID_ARGUMENT);
        assertThat(e).hasMessageContaining("No Braid dialect for database 'Oracle'")
                .hasMessageContaining("Fix: use one of those, or pass a Dialect to Mapper.builder().dialect(...)");
    }

    @Test
    void aBrokenInvariantSaysItIsABraidBug() {
        MapperException bug = Require.bug("two keys for one row");
        assertThat(bug.code()).isEqualTo(ErrorCode.BRAID_INTERNAL);
        assertThat(bug).hasMessage("[BRAID_INTERNAL] two keys for one row. This is a bug in Braid, not in your code:"
                + " please report it with this message and stack trace");
    }
}
