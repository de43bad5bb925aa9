package dev.braid.examples;

import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.examples.blog.Group;
import dev.braid.examples.blog.Group_;
import dev.braid.examples.blog.Post;
import dev.braid.examples.blog.Post_;
import dev.braid.examples.blog.User;
import dev.braid.examples.blog.User_;
import dev.braid.examples.catalog.Author;
import dev.braid.examples.catalog.Author_;
import dev.braid.examples.catalog.Book;
import dev.braid.examples.catalog.Book_;
import dev.braid.examples.company.Company;
import dev.braid.examples.company.Company_;
import dev.braid.examples.company.Employee;
import dev.braid.reactive.Mapper;
import io.r2dbc.pool.ConnectionPool;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The scenarios of the three SQLAlchemy texts Braid was built from (shared/seeds), end to end on embedded H2,
 * each printed with what it shows and followed by the SQL Braid sent (logger {@code dev.braid.sql}) and how many
 * statements that was:
 *
 * <ul>
 *   <li>seed 000, a blog: users and posts (back_populates, cascade all + delete-orphan, selectin vs joined),
 *       groups through the link table user_group_association (adding, joins both ways, deleting), and the
 *       association object UserGroup with joined_on, in a database of its own;</li>
 *   <li>seed 001, companies and employees: an employee added with only company_id shows up in the loaded
 *       collection after the flush, and replacing the collection with {@code setAll(List.of())} deletes the
 *       orphans;</li>
 *   <li>seed 002, a library: assigning book.author sets author_id, filtering in memory vs in SQL, loading
 *       strategies with their statement counts, and deleting an author deletes their books.</li>
 * </ul>
 *
 * <p>Run: {@code mvn -q -DskipTests -Pexample verify} (after LibraryExample). Every scenario gets its own H2
 * database; with {@code -Dbraid.url=...} they share that one and each drops the tables it needs first (or, with
 * {@code {database}} in the URL, each uses the database of that name, e.g. {@code seed_blog}; see
 * {@link ExampleDatabase}).
 */
public final class SeedScenariosExample {
    private static final Duration WAIT = Duration.ofSeconds(30);

    static final MappingRegistry BLOG = MappingRegistry.builder().entity(User.class, Post.class, Group.class).build();
    static final MappingRegistry ASSOCIATION = MappingRegistry.builder()
            .entity(dev.braid.examples.association.User.class, dev.braid.examples.association.Group.class,
                    dev.braid.examples.association.UserGroup.class)
            .build();
    static final MappingRegistry COMPANY = MappingRegistry.builder().entity(Company.class, Employee.class).build();
    static final MappingRegistry LIBRARY = MappingRegistry.builder().entity(Author.class, Book.class).build();

    private SeedScenariosExample() {}

    public static void main(String[] args) {
        run("seed");
    }

    /** Runs every scenario; database names start with {@code prefix} (H2 in-memory, kept until the JVM exits). */
    public static void run(String prefix) {
        blog(prefix + "_blog");
        associationObject(prefix + "_association");
        company(prefix + "_company");
        library(prefix + "_library");
        say("\nAll seed scenarios ran. Each step above shows the SQL Braid sent and the statement count.");
    }

    // ------------------------------------------------------------------------------------------------ seed 000

    static void blog(String database) {
        heading("Seed 000: a blog. Users write posts (one-to-many, back_populates, cascade all + delete-orphan);"
                + " users and groups meet in user_group_association (many-to-many)");
        try (Db db = Db.open(database, BLOG)) {
            Mapper mapper = db.mapper;
            db.recreate(ASSOCIATION); // with a shared -Dbraid.url database: the association variant's tables go too
            say("Schema (the link table has no class; Braid creates it from the two @ManyToMany declarations):");
            mapper.schema().createStatements().forEach(sql -> say("  " + sql + ";"));

            step("1. johndoe writes two posts. back_populates keeps both ends in sync in memory, before any SQL.");
            User john = new User("johndoe");
            Post hello = new Post("Hello, Braid", "My first post");
            Post streams = new Post("Streams", "Flux all the way down");
            john.posts.add(hello);        // hello.author is john now
            streams.author.set(john);     // john.posts contains streams now
            say("   john.posts = " + john.posts + ", hello.author = " + hello.author.get()
                    + ", streams.author = " + streams.author.get());
            say("   session.add(john): the posts follow (cascade save-update); users is inserted first, so the posts"
                    + " get its id");
            db.counted(() -> mapper.inTransactionMono(s -> s.add(john)).block(WAIT));
            say("   post.user_id = " + hello.userId + ", " + streams.userId + " (john.id = " + john.id + ")");

            step("2. Fetch the user with all their posts. Braid never loads on access: pick the loading with the query.");
            User plain = mapper.withSessionMono(s -> s.select(User.class).where(User_.username.eq("johndoe")).first())
                    .block(WAIT);
            try {
                plain.posts.size();
            } catch (MapperException e) {
                say("   without an option, touching user.posts fails loudly instead of querying:\n   " + e.getMessage());
            }
            say("   selectinload(User.posts): the user, then one SELECT of the posts of every user read");
            User viaSelectin = db.counted(() -> mapper.withSessionMono(s -> s.select(User.class)
                    .where(User_.username.eq("johndoe")).options(Loads.selectin(User_.posts)).first()).block(WAIT));
            say("   posts: " + titles(viaSelectin.posts));
            say("   joinedload(User.posts): one statement with a LEFT OUTER JOIN");
            User viaJoin = db.counted(() -> mapper.withSessionMono(s -> s.select(User.class)
                    .where(User_.username.eq("johndoe")).options(Loads.joined(User_.posts)).first()).block(WAIT));
            say("   posts: " + titles(viaJoin.posts));

            step("3. delete-orphan: a post removed from user.posts is deleted.");
            db.counted(() -> mapper.inTransaction(s -> s.select(User.class).where(User_.username.eq("johndoe"))
                    .options(Loads.selectin(User_.posts)).one()
                    .doOnNext(u -> u.posts.removeIf(p -> p.title.equals("Streams")))).blockLast(WAIT));
            say("   posts left: " + mapper.withSession(s -> s.select(Post.class).orderBy(Post_.id.asc()).all())
                    .map(p -> p.title).collectList().block(WAIT));

            step("4. Many-to-many: alice joins admin. user.groups.append(group) becomes one link row.");
            mapper.inTransaction(s -> s.addAll(List.of(new User("alice"), new User("bob"),
                    new Group("admin"), new Group("staff")))).blockLast(WAIT);
            Boolean inSync = db.counted(() -> mapper.inTransactionMono(s -> s.select(User.class)
                    .where(User_.username.eq("alice")).options(Loads.selectin(User_.groups)).first()
                    .flatMap(alice -> s.select(Group.class).where(Group_.name.eq("admin"))
                            .options(Loads.selectin(Group_.users)).first()
                            .map(admin -> {
                                alice.groups.add(admin);
                                return admin.users.contains(alice); // the other end, in memory
                            }))).block(WAIT));
            say("   admin.users contains alice before the flush: " + inSync);
            say("   alice and bob join staff, and johndoe too:");
            mapper.inTransaction(s -> s.select(Group.class).where(Group_.name.eq("staff"))
                    .options(Loads.selectin(Group_.users)).one()
                    .flatMap(staff -> s.select(User.class).where(User_.username.in(List.of("alice", "bob", "johndoe")))
                            .orderBy(User_.id.asc()).all().collectList()
                            .doOnNext(users -> staff.users.addAll(users)))).blockLast(WAIT);
            say("   run again, nothing fails: the groups insert-if-absent, and alice joins admin again (idempotent link):");
            String again = db.counted(() -> mapper.inTransactionMono(s -> s.upsertAll(Group.class,
                            List.of(new Group("admin"), new Group("staff"))).onConflict(Group_.name).doNothing().execute()
                    .flatMap(groups -> s.select(User.class).where(User_.username.eq("alice")).one()
                            .flatMap(alice -> s.link(alice, User_.groups, groups.get(0)))
                            .map(inserted -> "groups " + groups + ", ids " + groups.stream().map(g -> g.id).toList()
                                    + ", link row inserted: " + inserted))).block(WAIT));
            say("   " + again);

            step("5. Queries through the link table: the groups of alice, and the members of admin.");
            List<String> groupsOfAlice = db.counted(() -> mapper.withSession(s -> s.select(Group.class)
                            .join(Group_.users).where(User_.username.eq("alice")).orderBy(Group_.name.asc()).all())
                    .map(g -> g.name).collectList().block(WAIT));
            say("   groups of alice: " + groupsOfAlice);
            List<String> membersOfAdmin = db.counted(() -> mapper.withSession(s -> s.select(User.class)
                            .join(User_.groups).where(Group_.name.eq("admin")).orderBy(User_.username.asc()).all())
                    .map(u -> u.username).collectList().block(WAIT));
            say("   members of admin: " + membersOfAdmin);
            say("   or navigate: alice.groups, loaded with selectin through the link table");
            User alice = db.counted(() -> mapper.withSessionMono(s -> s.select(User.class)
                    .where(User_.username.eq("alice")).options(Loads.selectin(User_.groups)).one()).block(WAIT));
            say("   alice.groups = " + alice.groups);

            step("6. Deleting johndoe deletes his link rows and his posts (cascade all), then the user.");
            db.counted(() -> mapper.inTransaction(s -> s.select(User.class).where(User_.username.eq("johndoe"))
                    .options(Loads.selectin(User_.posts)).one().flatMap(s::delete)).blockLast(WAIT));
            say("   users left: " + mapper.withSession(s -> s.select(User.class).orderBy(User_.username.asc()).all())
                    .map(u -> u.username).collectList().block(WAIT)
                    + ", posts left: " + mapper.withSessionMono(s -> s.select(Post.class).count()).block(WAIT)
                    + ", members of staff: " + mapper.withSession(s -> s.select(User.class).join(User_.groups)
                            .where(Group_.name.eq("staff")).orderBy(User_.username.asc()).all())
                    .map(u -> u.username).collectList().block(WAIT));
        }
    }

    static void associationObject(String database) {
        heading("Seed 000, association object: UserGroup maps user_group_association itself, with joined_on"
                + " (its own registry and database: the same table names, a different mapping)");
        try (Db db = Db.open(database, ASSOCIATION)) {
            Mapper mapper = db.mapper;
            db.recreate(BLOG);
            say("Schema (a composite primary key of two foreign keys, plus joined_on):");
            mapper.schema().createStatements().forEach(sql -> say("  " + sql + ";"));
            mapper.inTransaction(s -> s.addAll(List.of(new dev.braid.examples.association.User("alice"),
                    new dev.braid.examples.association.Group("admin"),
                    new dev.braid.examples.association.Group("staff")))).blockLast(WAIT);

            step("1. association = UserGroup(user=alice, group=admin_group); session.add(association); commit (and staff too)");
            for (String groupName : List.of("admin", "staff")) {
                db.counted(() -> mapper.inTransactionMono(s -> s.select(dev.braid.examples.association.User.class)
                        .where(dev.braid.examples.association.User_.username.eq("alice")).first()
                        .flatMap(user -> s.select(dev.braid.examples.association.Group.class)
                                .where(dev.braid.examples.association.Group_.name.eq(groupName)).first()
                                .flatMap(group -> s.add(new dev.braid.examples.association.UserGroup(user, group)))))
                        .block(WAIT));
            }

            step("2. for assoc in alice.user_groups: print(assoc.group.name, assoc.joined_on)."
                    + " Two levels of selectin: the user, her UserGroups, their groups");
            List<String> lines = db.counted(() -> mapper.withSession(s -> s
                            .select(dev.braid.examples.association.User.class)
                            .where(dev.braid.examples.association.User_.username.eq("alice"))
                            .options(Loads.selectin(dev.braid.examples.association.User_.userGroups,
                                    dev.braid.examples.association.UserGroup_.group))
                            .one()
                            .flatMapIterable(user -> user.userGroups)
                            .map(ug -> "Group: " + ug.group.get().name + ", Joined on: " + ug.joinedOn))
                    .collectList().block(WAIT));
            lines.forEach(line -> say("   " + line));
        }
    }

    // ------------------------------------------------------------------------------------------------ seed 001

    static void company(String database) {
        heading("Seed 001: companies and employees (one-to-many without a reverse reference; cascade all + delete-orphan)");
        try (Db db = Db.open(database, COMPANY)) {
            Mapper mapper = db.mapper;
            db.recreate();

            step("1. company.employees = [Employee(name='Magnus'), Employee(name='John')]; the employees follow the company");
            Company acme = new Company("Acme");
            acme.employees.addAll(List.of(new Employee("Magnus"), new Employee("John")));
            db.counted(() -> mapper.inTransactionMono(s -> s.add(acme)).block(WAIT));
            long companyId = acme.id;

            step("2. Back propagation: session.add(Employee(name='Lisa', company_id=" + companyId + ")), only the key,"
                    + " then in a new session the company with its employees:");
            mapper.inTransactionMono(s -> s.add(new Employee("Lisa", companyId))).block(WAIT);
            Company loaded = mapper.withSessionMono(s -> s.get(Company.class, companyId)
                    .flatMap(c -> s.load(c, Company_.employees).thenReturn(c))).block(WAIT);
            say("   Company " + loaded.id + " has the following employees:");
            loaded.employees.forEach(e -> say("   - " + e.name));

            step("3. The same-session gotcha of seed 001: the company's employees are loaded, then an employee is"
                    + " added by company_id. Before the flush the collection cannot know; after it, it does.");
            List<Integer> sizes = mapper.inTransactionMono(s -> s.select(Company.class).where(Company_.id.eq(companyId))
                    .options(Loads.selectin(Company_.employees)).one()
                    .flatMap(company -> s.add(new Employee("Lisa's friend", companyId))
                            .then(Mono.fromCallable(company.employees::size))
                            .flatMap(before -> s.flush().then(Mono.fromCallable(() -> List.of(before,
                                    company.employees.size())))))).block(WAIT);
            say("   Company " + companyId + " has " + sizes.get(0) + " employees (before the flush)");
            say("   Company " + companyId + " has " + sizes.get(1) + " employees (after the flush)");

            step("4. The ruthless manager: company.employees = [] with setAll(List.of()); delete-orphan deletes them.");
            db.counted(() -> mapper.inTransaction(s -> s.select(Company.class).where(Company_.id.eq(companyId))
                    .options(Loads.selectin(Company_.employees)).one()
                    .doOnNext(company -> company.employees.setAll(List.of()))).blockLast(WAIT));
            say("   employees rows left: " + mapper.withSessionMono(s -> s.select(Employee.class).count()).block(WAIT)
                    + ", companies: " + mapper.withSessionMono(s -> s.select(Company.class).count()).block(WAIT));
        }
    }

    // ------------------------------------------------------------------------------------------------ seed 002

    static void library(String database) {
        heading("Seed 002: a library. Authors and books (back_populates, cascade all + delete-orphan, loading strategies)");
        try (Db db = Db.open(database, LIBRARY)) {
            Mapper mapper = db.mapper;
            db.recreate();

            step("1. session.add(author); commit; then Book(title, author=author) twice; add_all; commit");
            Author austen = new Author("Jane Austen");
            List<Book> austenBooks = db.counted(() -> mapper.inTransactionMono(s -> s.add(austen)
                    .then(s.commit()) // session.commit(): flush, COMMIT, and the session goes on
                    .then(Mono.fromCallable(() -> List.of(new Book("Pride and Prejudice", austen), new Book("Emma", austen))))
                    .flatMap(books -> s.addAll(books).then(s.commit()).thenReturn(books))).block(WAIT));
            say("   author.books = " + austen.books.stream().map(Book::getTitle).toList()
                    + " (in memory: Book(author=...) appended them)");
            say("   book1.author_id = " + austenBooks.get(0).getAuthorId() + ", austen.id = " + austen.getId()
                    + ": assigning the author object set the key");
            say("   book1.author.name = " + austenBooks.get(0).author.get().getName());
            mapper.inTransactionMono(s -> {
                Author tolstoy = new Author("Leo Tolstoy");
                tolstoy.books.addAll(List.of(new Book("War and Peace"), new Book("Anna Karenina")));
                return s.addAll(List.of(tolstoy, new Author("Nobody"))).thenReturn(tolstoy);
            }).block(WAIT);

            step("2. Filtering children: in memory on a loaded collection, or in SQL without loading it");
            Author loadedAusten = mapper.withSessionMono(s -> s.select(Author.class)
                    .where(Author_.name.eq("Jane Austen")).options(Loads.selectin(Author_.books)).first()).block(WAIT);
            say("   [b for b in author.books if 'Pride' in b.title] = " + loadedAusten.books.stream()
                    .filter(b -> b.getTitle().contains("Pride")).map(Book::getTitle).toList());
            String pride = db.counted(() -> mapper.withSessionMono(s -> s.select(Book.class)
                    .where(Book_.authorId.eq(loadedAusten.getId()).and(Book_.title.contains("Pride"))).first())
                    .map(Book::getTitle).block(WAIT));
            say("   query(Book).filter_by(author_id=..., title contains 'Pride').first() = " + pride);
            List<String> leoBooks = db.counted(() -> mapper.withSession(s -> s.select(Book.class)
                    .where(Book_.author.has(Author_.name.startsWith("Leo"))).orderBy(Book_.id.asc()).all())
                    .map(Book::getTitle).collectList().block(WAIT));
            say("   books whose author's name starts with 'Leo' (EXISTS): " + leoBooks);

            step("3. Loading strategies for every author with their books (3 authors, 4 books)");
            say("   raise (the default): one statement; touching author.books then fails instead of querying");
            List<Author> raised = db.counted(() -> mapper.withSession(s -> s.select(Author.class)
                    .orderBy(Author_.id.asc()).all()).collectList().block(WAIT));
            try {
                raised.get(0).books.size();
            } catch (MapperException e) {
                say("   " + e.code() + " for " + raised.get(0).getName() + ".books");
            }
            say("   selectin: the authors, then one SELECT of their books (per 500 authors on H2, 5,000 on PostgreSQL; the ids bound as one array)");
            List<Author> selectin = db.counted(() -> mapper.withSession(s -> s.select(Author.class)
                    .orderBy(Author_.id.asc()).options(Loads.selectin(Author_.books)).all()).collectList().block(WAIT));
            say("   " + shelf(selectin));
            say("   joined: the same graph from one LEFT OUTER JOIN");
            List<Author> joined = db.counted(() -> mapper.withSession(s -> s.select(Author.class)
                    .orderBy(Author_.id.asc()).options(Loads.joined(Author_.books)).all()).collectList().block(WAIT));
            say("   " + shelf(joined));
            say("   one query per author (what lazy loading in a loop would do) would have been 1 + "
                    + joined.size() + " statements");

            step("4. Cascade delete: deleting an author deletes the author's books first.");
            say("   with the books loaded (selectin), each book goes by its id:");
            db.counted(() -> mapper.inTransaction(s -> s.select(Author.class).where(Author_.name.eq("Leo Tolstoy"))
                    .options(Loads.selectin(Author_.books)).one().flatMap(s::delete)).blockLast(WAIT));
            mapper.inTransactionMono(s -> {
                Author bronte = new Author("Charlotte Bronte");
                bronte.books.addAll(List.of(new Book("Jane Eyre"), new Book("Villette")));
                return s.add(bronte);
            }).block(WAIT);
            say("   without loading them, they go by their author's key, in one statement, and nothing is read:");
            db.counted(() -> mapper.inTransaction(s -> s.select(Author.class).where(Author_.name.eq("Charlotte Bronte"))
                    .one().flatMap(s::delete)).blockLast(WAIT));
            say("   authors left: " + mapper.withSession(s -> s.select(Author.class).orderBy(Author_.id.asc()).all())
                    .map(Author::getName).collectList().block(WAIT)
                    + ", books left: " + mapper.withSession(s -> s.select(Book.class).orderBy(Book_.id.asc()).all())
                    .map(Book::getTitle).collectList().block(WAIT));
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String titles(List<Post> posts) {
        return posts.stream().map(p -> p.title).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String shelf(List<Author> authors) {
        return authors.stream().map(a -> a.getName() + ": " + a.books.stream().map(Book::getTitle).toList())
                .collect(Collectors.joining("; "));
    }

    private static void heading(String title) {
        say("\n=== " + title + " ===");
    }

    private static void step(String text) {
        say("\n" + text);
    }

    private static void say(String line) {
        System.out.println(line);
    }

    /** One scenario's database: a pool and a mapper over it that reports its statements to a counter. */
    private static final class Db implements AutoCloseable {
        final ConnectionPool pool;
        final StatementCounter counter = new StatementCounter();
        final MappingRegistry registry;
        final Mapper mapper;

        private Db(ConnectionPool pool, MappingRegistry registry) {
            this.pool = pool;
            this.registry = registry;
            this.mapper = Mapper.builder(pool, registry).listener(counter).build();
        }

        static Db open(String name, MappingRegistry registry) {
            return new Db(ExampleDatabase.connect(name), registry);
        }

        /**
         * Drops this scenario's tables and creates them again. On a database shared by all scenarios
         * (-Dbraid.url) the tables of {@code sharingNames} are dropped first: they use the same table names.
         */
        void recreate(MappingRegistry... sharingNames) {
            Mono<Void> drops = Mono.empty();
            if (ExampleDatabase.external()) {
                for (MappingRegistry other : sharingNames) {
                    drops = drops.then(Mapper.builder(pool, other).build().schema().dropAll());
                }
            }
            drops.then(mapper.schema().dropAll()).then(mapper.schema().createAll()).block(WAIT);
        }

        /** Runs a step and prints how many statements it sent. */
        <T> T counted(Supplier<T> work) {
            long mark = counter.count();
            T result = work.get();
            long sent = counter.since(mark);
            say("   -> " + sent + (sent == 1 ? " statement" : " statements"));
            return result;
        }

        @Override
        public void close() {
            pool.dispose();
        }
    }
}
