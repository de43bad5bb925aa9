package dev.braid.reactive;

import dev.braid.error.ConstraintViolationException;
import dev.braid.error.DatabaseException;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.error.MappingException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;
import dev.braid.reactive.model.Account;
import dev.braid.reactive.model.Author;
import dev.braid.reactive.model.Author_;
import dev.braid.reactive.model.Book;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Errors name what a user must fix: the attribute, the constraint, the table and column; and messages stay short. */
abstract class ErrorMessagesContract extends MapperTestBase {

    @Entity(table = "companies")
    static class Company {
        @Id Long id;
        @OneToMany final RelatedList<Employee> employees = RelatedList.of(this);
    }

    @Entity(table = "employees")
    static class Employee {
        @Id Long id;
        @ForeignKey(table = "") Long companyId;
    }

    private static final String ACCOUNT_INSERT = "INSERT INTO accounts (code, email, balance, version) VALUES ($1, $2, $3, $4)";

    /** The SQLSTATE of a constraint violation: MariaDB reports 23000 for every kind. */
    private String constraintState(String standard) {
        return mariadb() ? "23000" : standard;
    }

    private static List<Long> ids(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    // Issue 14 item 2

    @Test
    void inWithTheIdOfAnUnflushedObjectIsAQueryErrorAndSendsNothing() {
        Author unflushed = new Author("new", 1);
        StepVerifier.create(mapper.withSession(s -> s.add(unflushed).thenMany(Mono.defer(() ->
                        s.select(Author.class).where(Author_.id.in(Arrays.asList(1L, unflushed.getId()))).count()))))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(MapperException.class);
                    assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_QUERY);
                    assertThat(e).hasMessage("[BRAID_QUERY] Author.id.in(...) was given a null value (element 1 of 2), and"
                            + " SQL's IN never matches NULL. Ids of objects that were added but not flushed yet are null."
                            + " Fix: filter the nulls out (or flush first), and use Author.id.isNull() to match rows without a value");
                })
                .verify(TIMEOUT);
        assertThat(recorder().statements()).isEmpty();
        assertThat(count("authors")).isZero();
    }

    // Issue 14 item 3

    @Test
    void aForeignKeyWithAnEmptyTableFailsConfigureBeforeAnyDdl() {
        MappingException error = org.assertj.core.api.Assertions.catchThrowableOfType(MappingException.class,
                () -> Mapper.builder(pool(), MappingRegistry.builder().entity(Company.class, Employee.class).build()).build());
        assertThat(error.code()).isEqualTo(ErrorCode.BRAID_MAPPING);
        assertThat(error.messages()).singleElement().asString()
                .startsWith("Employee.companyId is declared a foreign key without a target: its table is empty and it names no entity")
                .contains("Fix: name the referenced entity, @ForeignKey(entity = Target.class), or its table");
        assertThat(error.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(dev.braid.error.MappingProblem.Kind.FOREIGN_KEY_WITHOUT_TARGET);
            assertThat(p.entity()).isEqualTo("Employee");
            assertThat(p.attribute()).isEqualTo("companyId");
            assertThat(p.fix()).startsWith("name the referenced entity, @ForeignKey(entity = Target.class)");
        });
        assertThat(recorder().statements()).isEmpty();
    }

    // Issue 14 item 10: constraint, table and column

    @Test
    void aUniqueViolationNamesTheConstraintTableAndColumn() {
        mapper.inTransactionMono(s -> s.add(new Account("a1", "x@example.com", BigDecimal.ONE))).block(TIMEOUT);
        recorder().clear();
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(new Account("a2", "x@example.com", BigDecimal.ONE))))
                .expectErrorSatisfies(e -> {
                    ConstraintViolationException violation = (ConstraintViolationException) e;
                    assertThat(violation.code()).isEqualTo(ErrorCode.BRAID_CONSTRAINT);
                    assertThat(violation.constraint()).isEqualTo("uq_accounts_email");
                    assertThat(violation.table()).isEqualTo("accounts");
                    assertThat(violation.column()).isEqualTo("email");
                    assertThat(violation.sqlState()).isEqualTo(constraintState("23505"));
                    assertThat(e.getMessage()).startsWith("[BRAID_CONSTRAINT] Constraint uq_accounts_email violated on accounts.email (Account.email): ")
                            .endsWith("[SQLSTATE " + constraintState("23505") + "] while executing: " + sql(ACCOUNT_INSERT))
                            .doesNotContain("SQL statement:"); // H2's copy of the SQL is not repeated
                })
                .verify(TIMEOUT);
        assertThat(recorder().statements()).containsExactly(ACCOUNT_INSERT);
        assertThat(recorder().transactionEvents()).containsExactly("begin", "rollback");
        assertThat(rows("SELECT code FROM accounts")).containsExactly(List.of("a1"));
    }

    @Test
    void aForeignKeyViolationNamesTheConstraintTableAndColumn() {
        String insert = insertReturningId("books", "title, author_id", "$1, $2");
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(new Book("orphan", 999L))))
                .expectErrorSatisfies(e -> {
                    ConstraintViolationException violation = (ConstraintViolationException) e;
                    assertThat(violation.constraint()).isEqualTo("fk_books_author_id");
                    assertThat(violation.table()).isEqualTo("books");
                    // H2's message names it; on PostgreSQL it comes from the detail "Key (author_id)=(999) ..." (not the value)
                    assertThat(violation.column()).isEqualTo("author_id");
                    assertThat(e.getMessage()).startsWith("[BRAID_CONSTRAINT] Constraint fk_books_author_id violated on"
                            + " books.author_id (Book.authorId): ").endsWith("while executing: " + sql(insert));
                    if (postgres()) assertThat(e.getMessage()).doesNotContain("999"); // H2's own text has the value
                })
                .verify(TIMEOUT);
        assertThat(recorder().statements()).containsExactly(insert);
        assertThat(count("books")).isZero();
    }

    @Test
    void aNotNullViolationNamesTheTableAndColumn() {
        String insert = insertReturningId("authors", "name, born", "$1, $2");
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(new Author(null, 1))))
                .expectErrorSatisfies(e -> {
                    ConstraintViolationException violation = (ConstraintViolationException) e;
                    assertThat(violation.constraint()).isNull();
                    assertThat(violation.table()).isEqualTo("authors");
                    assertThat(violation.column()).isEqualTo("name");
                    assertThat(e.getMessage()).startsWith("[BRAID_CONSTRAINT] Constraint violated on authors.name (Author.name): ")
                            .endsWith("[SQLSTATE " + constraintState("23502") + "] while executing: " + sql(insert));
                })
                .verify(TIMEOUT);
        assertThat(recorder().statements()).containsExactly(insert);
        assertThat(count("authors")).isZero();
    }

    @Test
    void anExecutorWithTheRegistryNamesTheMappedAttribute() {
        // Mapper wires the registry into its StatementExecutor (every other test here shows the attribute); here the executor is built directly.
        dev.braid.reactive.internal.exec.StatementExecutor executor = new dev.braid.reactive.internal.exec.R2dbcStatementExecutor(0, registry(), mapper.dialect());
        dev.braid.statement.RenderedSql insert = new dev.braid.statement.RenderedSql(sql(ACCOUNT_INSERT), List.of(
                new dev.braid.statement.Bind("a1", String.class), new dev.braid.statement.Bind("dup@example.com", String.class),
                new dev.braid.statement.Bind(BigDecimal.ONE, BigDecimal.class), new dev.braid.statement.Bind(1L, Long.class)));
        dev.braid.statement.RenderedSql again = new dev.braid.statement.RenderedSql(sql(ACCOUNT_INSERT), List.of(
                new dev.braid.statement.Bind("a2", String.class), new dev.braid.statement.Bind("dup@example.com", String.class),
                new dev.braid.statement.Bind(BigDecimal.ONE, BigDecimal.class), new dev.braid.statement.Bind(1L, Long.class)));
        dev.braid.statement.RenderedSql tooLong = new dev.braid.statement.RenderedSql(sql(ACCOUNT_INSERT), List.of(
                new dev.braid.statement.Bind("x".repeat(21), String.class), new dev.braid.statement.Bind("long@example.com", String.class),
                new dev.braid.statement.Bind(BigDecimal.ONE, BigDecimal.class), new dev.braid.statement.Bind(1L, Long.class)));
        StepVerifier.create(Mono.usingWhen(pool().create(), c -> executor.update(c, insert).then(executor.update(c, again)),
                        c -> Mono.from(c.close())))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConstraintViolationException.class)
                        .hasMessageStartingWith("[BRAID_CONSTRAINT] Constraint uq_accounts_email violated on accounts.email"
                                + " (Account.email): "))
                .verify(TIMEOUT);
        StepVerifier.create(Mono.usingWhen(pool().create(), c -> executor.update(c, tooLong), c -> Mono.from(c.close())))
                .expectErrorSatisfies(e -> assertThat(e)
                        .hasMessageStartingWith("[BRAID_DATABASE] A value does not fit in column accounts.code (Account.code): "))
                .verify(TIMEOUT);
        assertThat(recorder().statements()).containsExactly(ACCOUNT_INSERT, ACCOUNT_INSERT, ACCOUNT_INSERT);
        assertThat(rows("SELECT code FROM accounts")).containsExactly(List.of("a1"));
    }

    // Issue 14 item 10: values a column cannot hold

    @Test
    void aValueTooLongNamesTheColumnWhenTheDriverSaysIt() {
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(new Account("x".repeat(21), "long@example.com", BigDecimal.ONE))))
                .expectErrorSatisfies(e -> {
                    DatabaseException error = (DatabaseException) e;
                    assertThat(error.code()).isEqualTo(ErrorCode.BRAID_DATABASE);
                    assertThat(error.sqlState()).isEqualTo("22001");
                    assertThat(error.table()).isEqualTo("accounts");
                    // H2 names the column; PostgreSQL only the type, so Braid finds the one bind longer than 20
                    assertThat(error.column()).isEqualTo("code");
                    assertThat(e.getMessage()).startsWith(postgres()
                                    ? "[BRAID_DATABASE] A value does not fit in column accounts.code (Account.code): value too long for type"
                                    + " character varying(20). Fix: shorten the value"
                                    : mariadb()
                                    ? "[BRAID_DATABASE] A value does not fit in column accounts.code (Account.code): Data too long for column"
                                    + " 'code' at row 1. Fix: shorten the value"
                                    : "[BRAID_DATABASE] A value does not fit in column accounts.code (Account.code): Value too long for column"
                                    + " \"CODE CHARACTER VARYING(20)\"")
                            .contains("Fix: shorten the value, or widen the column (@Column(length = ...)")
                            .endsWith("while executing: " + sql(ACCOUNT_INSERT));
                })
                .verify(TIMEOUT);
        assertThat(recorder().statements()).containsExactly(ACCOUNT_INSERT);
        assertThat(count("accounts")).isZero();
    }

    @Test
    void aValueTooLongInABatchedInsertIsRefusedNeverCut() {
        // PostgreSQL batches travel as arrays; cast to varchar(20)[] they were silently cut to 20 characters.
        String tooLong = "y".repeat(25);
        StepVerifier.create(mapper.inTransaction(s -> s.addAll(List.of(new Account("ok", "ok@example.com", BigDecimal.ONE),
                        new Account(tooLong, "long@example.com", BigDecimal.ONE)))))
                .expectErrorSatisfies(e -> {
                    DatabaseException error = (DatabaseException) e;
                    assertThat(error.sqlState()).isEqualTo("22001");
                    assertThat(error.column()).isEqualTo("code");
                    assertThat(e.getMessage()).contains("A value does not fit in column accounts.code");
                })
                .verify(TIMEOUT);
        assertThat(recorder().statements()).hasSize(1);
        assertThat(recorder().statements().get(0)).isEqualTo(postgres()
                ? "INSERT INTO accounts (code, email, balance, version) SELECT * FROM unnest($1::text[], $2::text[],"
                + " $3::numeric[], $4::bigint[])"
                : "INSERT INTO accounts (code, email, balance, version) VALUES ($1, $2, $3, $4), ($5, $6, $7, $8)");
        assertThat(count("accounts")).isZero();
        assertThat(rows("SELECT code FROM accounts WHERE code LIKE 'yyyy%'")).isEmpty();
    }

    @Test
    void aNumericOverflowInABatchedInsertNamesTheColumn() {
        StepVerifier.create(mapper.inTransaction(s -> s.addAll(List.of(new Account("ok", "ok@example.com", BigDecimal.ONE),
                        new Account("big", "big@example.com", new BigDecimal("-12345678901"))))))
                .expectErrorSatisfies(e -> {
                    DatabaseException error = (DatabaseException) e;
                    assertThat(error.sqlState()).isEqualTo(h2() ? "22001" : "22003");
                    assertThat(error.column()).isEqualTo("balance"); // PostgreSQL: the array bind holding a value past 10^10
                    assertThat(e.getMessage()).startsWith("[BRAID_DATABASE] A value does not fit in column accounts.balance (Account.balance): ");
                })
                .verify(TIMEOUT);
        assertThat(recorder().statements()).hasSize(1);
        assertThat(recorder().statements().get(0)).startsWith(postgres()
                ? "INSERT INTO accounts (code, email, balance, version) SELECT * FROM unnest($1::"
                : "INSERT INTO accounts (code, email, balance, version) VALUES ($1, $2, $3, $4), ($5, $6, $7, $8)");
        assertThat(count("accounts")).isZero();
    }

    @Test
    void aNumericOverflowSaysHowToFixIt() {
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(new Account("big", "big@example.com", new BigDecimal("12345678901.5")))))
                .expectErrorSatisfies(e -> {
                    DatabaseException error = (DatabaseException) e;
                    assertThat(error.table()).isEqualTo("accounts");
                    if (postgres()) {
                        assertThat(error.sqlState()).isEqualTo("22003");
                        // PostgreSQL's detail gives the limit (10^10 for numeric(12, 2)); one bind exceeds it
                        assertThat(error.column()).isEqualTo("balance");
                        assertThat(e.getMessage()).startsWith("[BRAID_DATABASE] A value does not fit in column accounts.balance (Account.balance):"
                                + " numeric field overflow. Fix: keep the value within the column's precision and scale, or"
                                + " widen them (@Column(precision = ..., scale = ...))");
                    } else if (mariadb()) {
                        assertThat(error.sqlState()).isEqualTo("22003");
                        assertThat(error.column()).isEqualTo("balance"); // MariaDB's message names it
                        assertThat(e.getMessage()).startsWith("[BRAID_DATABASE] A value does not fit in column accounts.balance (Account.balance):"
                                + " Out of range value for column 'balance' at row 1. Fix: keep the value within the column's precision"
                                + " and scale, or widen them (@Column(precision = ..., scale = ...))");
                    } else {
                        assertThat(error.column()).isEqualTo("balance"); // H2 reports it as value too long, naming the column
                        assertThat(e.getMessage()).startsWith("[BRAID_DATABASE] A value does not fit in column accounts.balance (Account.balance): ");
                    }
                })
                .verify(TIMEOUT);
        assertThat(recorder().statements()).containsExactly(ACCOUNT_INSERT);
        assertThat(count("accounts")).isZero();
    }

    @Test
    void aNulByteOnPostgresNamesTheColumnOfTheBlamedParameter() {
        assumeTrue(postgres(), "H2 and MariaDB store NUL characters");
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(new Account("nul", "n\u0000l@example.com", BigDecimal.ONE))))
                .expectErrorSatisfies(e -> {
                    DatabaseException error = (DatabaseException) e;
                    assertThat(error.sqlState()).isEqualTo("22021");
                    assertThat(error.table()).isEqualTo("accounts");
                    assertThat(error.column()).isEqualTo("email"); // PostgreSQL blames parameter $2
                    assertThat(e.getMessage()).startsWith("[BRAID_DATABASE] A value does not fit in column accounts.email (Account.email):"
                            + " invalid byte sequence for encoding \"UTF8\": 0x00. Fix: remove NUL characters");
                })
                .verify(TIMEOUT);
        assertThat(recorder().statements()).containsExactly(ACCOUNT_INSERT);
        assertThat(count("accounts")).isZero();
    }

    // Issue 14 item 10: long statements

    @Test
    void aFailedStatementWithALongInListHasAShortMessageAndKeepsTheFullSql() {
        recorder().failNextMatching("FROM authors");
        List<Long> ids = ids(400); // markers on H2, one array on PostgreSQL
        StepVerifier.create(mapper.withSession(s -> s.select(Author.class).where(Author_.id.in(ids).and(Author_.name.eq("x"))).all()))
                .expectErrorSatisfies(e -> {
                    DatabaseException error = (DatabaseException) e;
                    assertThat(error.sql()).isEqualTo(sql(recorder().statements().get(0))); // as sent: ? markers on MariaDB
                    assertThat(e.getMessage().length()).isLessThan(2 * DatabaseException.MAX_SQL_IN_MESSAGE + 500);
                    if (!postgres()) {
                        assertThat(error.sql()).hasSizeGreaterThan(mariadb() ? 1_200 : 2_000) // "?, " is shorter than "$n, "
                                .endsWith(sql("$400) AND authors.name = $401"));
                        assertThat(e.getMessage()).endsWith("... (" + error.sql().length()
                                + " characters in all; DatabaseException.sql() has the whole statement)");
                    }
                })
                .verify(TIMEOUT);
        assertThat(recorder().statements()).hasSize(1);
    }

    @Test
    void aHundredThousandAndOneValuesAreBoundAsArraysAndMatch() {
        mapper.inTransaction(s -> s.addAll(List.of(new Author("a", 1), new Author("b", 2), new Author("c", 3)))).blockLast(TIMEOUT);
        long firstId = ((Number) value("SELECT MIN(id) FROM authors")).longValue();
        recorder().clear();
        List<Long> ids = LongStream.range(firstId + 1, firstId + 1 + 100_001).boxed().toList(); // all but the first author
        StepVerifier.create(mapper.withSession(s -> s.select(Author.class).where(Author_.id.in(ids)).orderBy(Author_.id.asc()).all())
                        .map(Author::getName).collectList())
                .expectNext(List.of("b", "c"))
                .verifyComplete();
        String select = "SELECT authors.id, authors.name, authors.born FROM authors WHERE ";
        assertThat(recorder().statements()).containsExactly(postgres()
                ? select + "authors.id = ANY($1) ORDER BY authors.id"
                : mariadb() // no array binds: one marker per value (the text protocol has no 65,535-parameter limit)
                ? select + "authors.id IN (" + markers(100_001) + ") ORDER BY authors.id"
                : select + "(authors.id = ANY($1) OR authors.id = ANY($2)) ORDER BY authors.id");
        assertThat(count("authors")).isEqualTo(3);
    }

    @Test
    void onH2MoreThan500ValuesAreOneArrayAnd500AreMarkers() {
        mapper.inTransaction(s -> s.addAll(List.of(new Author("a", 1), new Author("b", 2)))).blockLast(TIMEOUT);
        recorder().clear();
        StepVerifier.create(mapper.withSession(s -> s.select(Author.class).where(Author_.id.in(ids(501))).count()
                        .concatWith(s.select(Author.class).where(Author_.id.in(ids(500))).count())))
                .expectNext(2L, 2L)
                .verifyComplete();
        assertThat(recorder().statements()).hasSize(2);
        assertThat(recorder().statements().get(0)).isEqualTo(mariadb() // no array binds: markers whatever the count
                ? "SELECT COUNT(*) FROM authors WHERE authors.id IN (" + markers(501) + ")"
                : "SELECT COUNT(*) FROM authors WHERE authors.id = ANY($1)");
        assertThat(recorder().statements().get(1)).isEqualTo(postgres()
                ? "SELECT COUNT(*) FROM authors WHERE authors.id = ANY($1)"
                : "SELECT COUNT(*) FROM authors WHERE authors.id IN (" + markers(500) + ")");
    }

    private static String markers(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= n; i++) out.append(i > 1 ? ", $" : "$").append(i);
        return out.toString();
    }
}
