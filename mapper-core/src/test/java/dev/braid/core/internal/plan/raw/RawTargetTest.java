package dev.braid.core.internal.plan.raw;

import dev.braid.core.fixtures.Author;
import dev.braid.core.fixtures.Fixtures;
import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.hydrate.RowView;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** How raw result columns become entities, records and single values, and what is refused. */
class RawTargetTest {
    private final MappingRegistry registry = Fixtures.registry();
    private final IdentityMap session = new IdentityMap();
    private final EntityHydrator hydrator = new EntityHydrator(session);

    enum Status { ACTIVE, RETIRED }

    record Summary(Long authorId, String name, int books, Status status) {}

    record Total(BigDecimal sum) {}

    /** A result row: column names, then values (driver values). */
    private static RowView row(List<String> columns, Object... values) {
        return new RowView() {
            @Override
            public <V> V get(int index, Class<V> type) {
                return type.cast(values[index]);
            }

            @Override
            public List<String> columnNames() {
                return columns;
            }
        };
    }

    private Object read(Class<?> type, RowView row) {
        return RawTarget.lazyReader(RawTarget.of(registry, type), hydrator, "\"q\"").apply(row);
    }

    private static String message(Executable call) {
        try {
            call.execute();
        } catch (MapperException e) {
            return e.code() + ": " + e.getMessage();
        } catch (Throwable e) {
            throw new AssertionError("unexpected " + e, e);
        }
        throw new AssertionError("no error");
    }

    @Test
    void entityColumnsAreMatchedByNameInAnyOrderAndCaseAndTheObjectIsTracked() {
        Author author = (Author) read(Author.class, row(List.of("VERSION", "NAME", "ID"), 3, "Austen", 7L));
        assertThat(author.getId()).isEqualTo(7L);
        assertThat(author.getName()).isEqualTo("Austen");
        assertThat(author.getVersion()).isEqualTo(3);
        assertThat(session.contains(author)).isTrue();
        assertThat(session.stateOf(author).snapshot()).containsExactly(7L, "Austen", 3);
    }

    @Test
    void aRowTheSessionHoldsYieldsTheHeldObjectUnchanged() {
        Function<RowView, Object> reader = RawTarget.lazyReader(RawTarget.of(registry, Author.class), hydrator, "\"q\"");
        List<String> columns = List.of("id", "name", "version");
        Author first = (Author) reader.apply(row(columns, 7L, "Austen", 1));
        first.setName("changed in memory");
        Author again = (Author) reader.apply(row(columns, 7L, "Austen", 1));
        assertThat(again).isSameAs(first);
        assertThat(again.getName()).isEqualTo("changed in memory");
    }

    @Test
    void aColumnThatMapsToNothingIsRefusedNamingItAndTheFix() {
        assertThat(message(() -> read(Author.class, row(List.of("id", "name", "version", "books"), 1L, "a", 1, 3))))
                .startsWith("BRAID_QUERY").contains("has column books, which maps to nothing in Author")
                .contains("its columns: [id, name, version]").contains("mapTo(SomeRecord.class)");
    }

    @Test
    void aMissingColumnIsRefusedNamingTheAttribute() {
        assertThat(message(() -> read(Author.class, row(List.of("id", "name"), 1L, "a"))))
                .startsWith("BRAID_QUERY").contains("lacks [Author.version (column version)]").contains("authors.*");
    }

    @Test
    void aColumnSelectedTwiceIsAmbiguous() {
        assertThat(message(() -> read(Author.class, row(List.of("id", "name", "version", "ID"), 1L, "a", 1, 2L))))
                .startsWith("BRAID_QUERY").contains("has column id twice, so Author.id is ambiguous");
    }

    @Test
    void recordsTakeColumnsByNameOrSnakeCaseConvertingEnums() {
        Object summary = read(Summary.class, row(List.of("NAME", "author_id", "books", "status"), "Austen", 7L, 6, "RETIRED"));
        assertThat(summary).isEqualTo(new Summary(7L, "Austen", 6, Status.RETIRED));
        assertThat(session.size()).isZero(); // records are not tracked
    }

    @Test
    void recordColumnsMustMatchOneToOne() {
        assertThat(message(() -> read(Summary.class, row(List.of("author_id", "name", "books", "status", "extra"),
                7L, "a", 1, "ACTIVE", 0))))
                .startsWith("BRAID_QUERY").contains("has column extra, which maps to no component of Summary")
                .contains("[authorId, name, books, status]");
        assertThat(message(() -> read(Summary.class, row(List.of("author_id", "name"), 7L, "a"))))
                .startsWith("BRAID_QUERY").contains("has no column for [Summary.books, Summary.status]");
    }

    @Test
    void aNullForAPrimitiveComponentIsAConversionError() {
        assertThat(message(() -> read(Summary.class, row(List.of("author_id", "name", "books", "status"), 7L, "a", null, "ACTIVE"))))
                .startsWith("BRAID_CONVERSION").contains("Summary.books is a primitive int").contains("COALESCE");
    }

    @Test
    void scalarsReadTheOneColumn() {
        assertThat(read(Long.class, row(List.of("count"), 12L))).isEqualTo(12L);
        assertThat(read(Status.class, row(List.of("s"), "ACTIVE"))).isEqualTo(Status.ACTIVE);
        assertThat(read(long.class, row(List.of("count"), 12L))).isEqualTo(12L);
        assertThat(message(() -> read(Long.class, row(List.of("a", "b"), 1L, 2L))))
                .startsWith("BRAID_QUERY").contains("reads one column, but the result of \"q\" has 2: [a, b]");
        assertThat(message(() -> read(String.class, row(List.of("a"), (Object) null)))).contains("is NULL in a row");
        assertThat(read(Total.class, row(List.of("sum"), new BigDecimal("1.50")))).isEqualTo(new Total(new BigDecimal("1.50")));
    }

    @Test
    void typesRowsCannotBecomeAreRefusedBeforeAnythingRuns() {
        assertThat(message(() -> RawTarget.of(registry, StringBuilder.class)))
                .startsWith("BRAID_QUERY").contains("StringBuilder is neither a mapped entity, a record nor a column type");
        assertThat(message(() -> RawTarget.of(MappingRegistry.builder().entity(dev.braid.core.fixtures.Category.class).build(),
                Author.class))).startsWith("BRAID_UNMAPPED").contains("not in this mapper's registry");
    }

    @Test
    void aRowWithoutAKeyIsNoEntity() {
        assertThat(message(() -> read(Author.class, row(List.of("id", "name", "version"), null, "a", 1))))
                .startsWith("BRAID_QUERY").contains("has NULL in the key of Author (id)");
    }
}
