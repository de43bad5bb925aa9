package dev.braid.benchmarks;

import dev.braid.benchmarks.model.Rows.PlainAuthor;
import dev.braid.benchmarks.model.Rows.PlainBook;
import dev.braid.benchmarks.model.Rows.PlainGroup;
import dev.braid.benchmarks.model.Rows.PlainUser;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The baseline: the same six workloads written by hand against R2DBC, as a careful programmer would:
 * two queries with an array bind for graphs ({@code = ANY($1)} on PostgreSQL; on H2, where
 * {@code = ANY} scans the array for every row, a join on {@code TABLE(k BIGINT = $1)}; on MariaDB,
 * which has no array binds, {@code IN (?, ?, ...)} lists of up to {@value #CHUNK} keys), bulk inserts
 * through unnest arrays on PostgreSQL and multi-row VALUES on H2 and MariaDB (there
 * {@code INSERT ... VALUES (?), (?) ... RETURNING id}, {@value #CHUNK} rows a statement), deletes by key
 * arrays on PostgreSQL and IN lists on H2 and MariaDB.
 */
public final class HandWrittenWorkloads {
    /** Rows per multi-row INSERT, keys per IN list (MariaDB; H2's inserts too). */
    static final int CHUNK = 1000;

    private final ConnectionFactory pool;
    private final boolean postgres;
    private final boolean mariadb;
    private final String groups;

    public HandWrittenWorkloads(ConnectionFactory pool, boolean postgres) {
        this(pool, postgres ? "postgresql" : "h2");
    }

    /** @param kind "h2", "postgresql" or "mariadb" */
    public HandWrittenWorkloads(ConnectionFactory pool, String kind) {
        this.pool = pool;
        this.postgres = kind.equals("postgresql");
        this.mariadb = kind.equals("mariadb");
        this.groups = postgres ? "groups" : mariadb ? "`groups`" : "\"groups\"";
    }

    /** The bind marker for the {@code n}th value (from 1). */
    private String marker(int n) {
        return mariadb ? "?" : "$" + n;
    }

    private <T> Mono<T> withConnection(Function<Connection, Mono<T>> work) {
        return Mono.usingWhen(pool.create(), work, Connection::close);
    }

    private <T> Mono<T> inTransaction(Function<Connection, Mono<T>> work) {
        return Mono.usingWhen(pool.create(),
                c -> Mono.from(c.beginTransaction()).then(work.apply(c)),
                c -> Mono.from(c.commitTransaction()).then(Mono.from(c.close())),
                (c, e) -> Mono.from(c.rollbackTransaction()).then(Mono.from(c.close())),
                c -> Mono.from(c.rollbackTransaction()).then(Mono.from(c.close())));
    }

    private static Flux<PlainBook> books(Statement statement) {
        return Flux.from(statement.execute()).concatMap(r -> r.map((row, m) -> new PlainBook(
                row.get(0, Long.class), row.get(1, String.class), row.get(2, Long.class))));
    }

    /** W1. */
    public Mono<Long> readAllBooks() {
        return withConnection(c -> books(c.createStatement("SELECT id, title, author_id FROM books"))
                .reduce(0L, (acc, b) -> acc + b.id + b.authorId));
    }

    /** W2: authors, then their books with one array bind. */
    public Mono<Long> authorsWithBooks() {
        return withConnection(c -> authorsWithBooks(c, c.createStatement("SELECT id, name FROM authors")))
                .map(HandWrittenWorkloads::checksum);
    }

    /** W4. */
    public Mono<Long> pageOfAuthors(long first) {
        return withConnection(c -> authorsWithBooks(c, c.createStatement(
                "SELECT id, name FROM authors WHERE id BETWEEN " + marker(1) + " AND " + marker(2) + " ORDER BY id").bind(0, first).bind(1, first + 99)))
                .map(HandWrittenWorkloads::checksum);
    }

    private Mono<List<PlainAuthor>> authorsWithBooks(Connection c, Statement authors) {
        return Flux.from(authors.execute())
                .concatMap(r -> r.map((row, m) -> new PlainAuthor(row.get(0, Long.class), row.get(1, String.class))))
                .collectList()
                .flatMap(list -> {
                    Map<Long, PlainAuthor> byId = new HashMap<>(list.size() * 2);
                    Long[] ids = new Long[list.size()];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = list.get(i).id;
                        byId.put(ids[i], list.get(i));
                    }
                    if (ids.length == 0) return Mono.just(list);
                    if (mariadb) {
                        return chunks(ids.length).concatMap(from -> books(inList(c,
                                        "SELECT id, title, author_id FROM books WHERE author_id", ids, from)))
                                .doOnNext(b -> byId.get(b.authorId).books.add(b))
                                .then(Mono.just(list));
                    }
                    return books(c.createStatement(postgres
                            ? "SELECT id, title, author_id FROM books WHERE author_id = ANY($1)"
                            : "SELECT b.id, b.title, b.author_id FROM TABLE(k BIGINT = $1) t JOIN books b ON b.author_id = t.k")
                            .bind(0, ids))
                            .doOnNext(b -> byId.get(b.authorId).books.add(b))
                            .then(Mono.just(list));
                });
    }

    private static long checksum(List<PlainAuthor> authors) {
        long sum = 0;
        for (PlainAuthor a : authors) {
            sum += a.id;
            for (PlainBook b : a.books) sum += b.id;
        }
        return sum;
    }

    /** W3: users, then their groups through the link table with one array bind (MariaDB: IN lists). */
    public Mono<Long> usersWithGroups() {
        return withConnection(c -> Flux.from(c.createStatement("SELECT id, username FROM users").execute())
                .concatMap(r -> r.map((row, m) -> new PlainUser(row.get(0, Long.class), row.get(1, String.class))))
                .collectList()
                .flatMap(users -> {
                    Map<Long, PlainUser> byId = new HashMap<>(users.size() * 2);
                    Long[] ids = new Long[users.size()];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = users.get(i).id;
                        byId.put(ids[i], users.get(i));
                    }
                    Map<Long, PlainGroup> groupsById = new HashMap<>();
                    String sql = postgres
                            ? "SELECT l.user_id, g.id, g.name FROM user_group_association l"
                                    + " JOIN groups g ON g.id = l.group_id WHERE l.user_id = ANY($1)"
                            : "SELECT l.user_id, g.id, g.name FROM TABLE(k BIGINT = $1) t JOIN user_group_association l"
                                    + " ON l.user_id = t.k JOIN " + groups + " g ON g.id = l.group_id";
                    Flux<Statement> statements = mariadb
                            ? chunks(ids.length).map(from -> inList(c, "SELECT l.user_id, g.id, g.name FROM user_group_association l"
                                    + " JOIN " + groups + " g ON g.id = l.group_id WHERE l.user_id", ids, from))
                            : Flux.just(c.createStatement(sql).bind(0, ids));
                    return statements.concatMap(s -> Flux.from(s.execute()).concatMap(r -> r.map((row, m) -> {
                                long groupId = row.get(1, Long.class);
                                PlainGroup g = groupsById.computeIfAbsent(groupId, k -> new PlainGroup(groupId, row.get(2, String.class)));
                                byId.get(row.get(0, Long.class)).groups.add(g);
                                return g;
                            })))
                            .then(Mono.fromCallable(() -> {
                                long sum = 0;
                                for (PlainUser u : users) {
                                    sum += u.id;
                                    for (PlainGroup g : u.groups) sum += g.id;
                                }
                                return sum;
                            }));
                }));
    }

    /** W5: bulk inserts; generated author keys flow into the books. */
    public Mono<Long> insertAuthorsWithBooks(int count, String prefix) {
        List<PlainAuthor> authors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) authors.add(new PlainAuthor(0, prefix + i));
        return inTransaction(c -> insertAuthors(c, authors)
                .then(Mono.defer(() -> insertBooks(c, authors, prefix)))
                .then(Mono.fromCallable(() -> {
                    long keys = 0;
                    for (PlainAuthor a : authors) keys += 1 + a.books.size();
                    return keys;
                })));
    }

    private Mono<Void> insertAuthors(Connection c, List<PlainAuthor> authors) {
        if (postgres) {
            String[] names = authors.stream().map(a -> a.name).toArray(String[]::new);
            // WITH ORDINALITY + ORDER BY: identity values follow the order of the rows inserted.
            return Flux.from(c.createStatement("INSERT INTO authors (name) SELECT name FROM unnest($1::varchar[])"
                            + " WITH ORDINALITY AS t(name, ord) ORDER BY ord RETURNING id").bind(0, names).execute())
                    .concatMap(r -> r.map((row, m) -> row.get(0, Long.class)))
                    .collectSortedList()
                    .doOnNext(ids -> {
                        for (int i = 0; i < ids.size(); i++) authors.get(i).id = ids.get(i);
                    })
                    .then();
        }
        // H2 and MariaDB: one multi-row INSERT per 1,000 rows.
        return valuesInsert(c, "authors", "name", authors.size(), 1,
                (i, col) -> authors.get(i).name, ids -> {
                    for (int i = 0; i < ids.size(); i++) authors.get(i).id = ids.get(i);
                });
    }

    private Mono<Void> insertBooks(Connection c, List<PlainAuthor> authors, String prefix) {
        List<String> titles = new ArrayList<>(authors.size() * 10);
        List<Long> authorIds = new ArrayList<>(authors.size() * 10);
        for (int i = 0; i < authors.size(); i++) {
            for (int b = 0; b < 10; b++) {
                titles.add(prefix + i + " book " + b);
                authorIds.add(authors.get(i).id);
            }
        }
        if (postgres) {
            return Flux.from(c.createStatement("INSERT INTO books (title, author_id) SELECT title, author_id FROM"
                            + " unnest($1::varchar[], $2::bigint[]) WITH ORDINALITY AS t(title, author_id, ord) ORDER BY ord RETURNING id")
                            .bind(0, titles.toArray(String[]::new)).bind(1, authorIds.toArray(Long[]::new)).execute())
                    .concatMap(r -> r.map((row, m) -> row.get(0, Long.class)))
                    .collectSortedList()
                    .doOnNext(ids -> attachBooks(authors, titles, authorIds, ids))
                    .then();
        }
        return valuesInsert(c, "books", "title, author_id", titles.size(), 2,
                (i, col) -> col == 0 ? titles.get(i) : authorIds.get(i),
                ids -> attachBooks(authors, titles, authorIds, ids));
    }

    private static void attachBooks(List<PlainAuthor> authors, List<String> titles, List<Long> authorIds, List<Long> ids) {
        Map<Long, PlainAuthor> byId = new LinkedHashMap<>();
        for (PlainAuthor a : authors) byId.put(a.id, a);
        for (int i = 0; i < ids.size(); i++) {
            byId.get(authorIds.get(i)).books.add(new PlainBook(ids.get(i), titles.get(i), authorIds.get(i)));
        }
    }

    private interface Cell {
        Object value(int row, int column);
    }

    private Mono<Void> valuesInsert(Connection c, String table, String columns, int rows, int width, Cell cell,
                                    java.util.function.Consumer<List<Long>> keys) {
        List<Long> all = new ArrayList<>(rows);
        return chunks(rows).concatMap(from -> {
            int to = Math.min(rows, from + CHUNK);
            // H2: FINAL TABLE, MariaDB: RETURNING; both return the keys in insertion order.
            StringBuilder sql = new StringBuilder(mariadb ? "INSERT INTO " : "SELECT id FROM FINAL TABLE (INSERT INTO ")
                    .append(table).append(" (").append(columns).append(") VALUES ");
            int marker = 1;
            for (int i = from; i < to; i++) {
                sql.append(i > from ? ", (" : "(");
                for (int col = 0; col < width; col++) sql.append(col > 0 ? ", " : "").append(marker(marker++));
                sql.append(')');
            }
            Statement statement = c.createStatement(sql.append(mariadb ? " RETURNING id" : ")").toString());
            int bind = 0;
            for (int i = from; i < to; i++) {
                for (int col = 0; col < width; col++) statement.bind(bind++, cell.value(i, col));
            }
            return Flux.from(statement.execute()).concatMap(r -> r.map((row, m) -> row.get(0, Long.class)));
        }).doOnNext(all::add).then(Mono.fromRunnable(() -> keys.accept(all)));
    }

    /**
     * W6: books then authors, each by one key-array DELETE (PostgreSQL) or IN-list DELETE (H2; MariaDB, one per
     * {@value #CHUNK} keys).
     */
    public Mono<Long> deleteAuthors(List<Long> ids) {
        Long[] keys = ids.toArray(Long[]::new);
        return inTransaction(c -> keyed(c, "DELETE FROM books WHERE author_id", keys)
                .concatMap(s -> Flux.from(s.execute()).concatMap(r -> r.getRowsUpdated())).then()
                .then(keyed(c, "DELETE FROM authors WHERE id", keys)
                        .concatMap(s -> Flux.from(s.execute()).concatMap(r -> r.getRowsUpdated())).reduce(0L, Long::sum)));
    }

    private Flux<Statement> keyed(Connection c, String sqlBeforeKeys, Long[] keys) {
        if (postgres) return Flux.just(c.createStatement(sqlBeforeKeys + " = ANY($1)").bind(0, keys));
        if (mariadb) return chunks(keys.length).map(from -> inList(c, sqlBeforeKeys, keys, from));
        return Flux.just(inList(c, sqlBeforeKeys, keys, 0, keys.length));
    }

    /** The first index of each chunk of {@value #CHUNK} among {@code n}. */
    private static Flux<Integer> chunks(int n) {
        return Flux.range(0, (n + CHUNK - 1) / CHUNK).map(chunk -> chunk * CHUNK);
    }

    /** {@code sqlBeforeKeys IN (...)} for the keys of the chunk starting at {@code from}. */
    private Statement inList(Connection c, String sqlBeforeKeys, Long[] keys, int from) {
        return inList(c, sqlBeforeKeys, keys, from, Math.min(keys.length, from + CHUNK));
    }

    private Statement inList(Connection c, String sqlBeforeKeys, Long[] keys, int from, int to) {
        StringBuilder sql = new StringBuilder(sqlBeforeKeys).append(" IN (");
        for (int i = from; i < to; i++) sql.append(i > from ? ", " : "").append(marker(i - from + 1));
        Statement statement = c.createStatement(sql.append(')').toString());
        for (int i = from; i < to; i++) statement.bind(i - from, keys[i]);
        return statement;
    }
}
