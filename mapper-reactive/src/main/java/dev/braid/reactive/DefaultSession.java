package dev.braid.reactive;

import dev.braid.core.error.Require;
import dev.braid.core.error.ErrorCode;
import dev.braid.core.error.MapperException;
import dev.braid.core.hydrate.EntityHydrator;
import dev.braid.core.hydrate.RowView;
import dev.braid.core.identity.EntityState;
import dev.braid.core.identity.EntityStatus;
import dev.braid.core.identity.IdentityMap;
import dev.braid.core.meta.EntityKey;
import dev.braid.core.meta.ColumnMapping;
import dev.braid.core.meta.EntityMapping;
import dev.braid.core.meta.MappingRegistry;
import dev.braid.core.meta.RelationshipMapping;
import dev.braid.core.plan.flush.FlushPlan;
import dev.braid.core.plan.flush.UnitOfWork;
import dev.braid.core.plan.load.LoadNode;
import dev.braid.core.plan.load.QueryPlanner;
import dev.braid.core.plan.load.RowIdentity;
import dev.braid.core.plan.load.SelectPlan;
import dev.braid.core.query.Query;
import dev.braid.core.query.Relation;
import dev.braid.core.relation.RelationInternals;
import dev.braid.core.sql.SqlRenderer;
import dev.braid.core.sql.dialect.Dialect;
import dev.braid.reactive.exec.StatementExecutor;
import dev.braid.reactive.flush.FlushExecutor;
import dev.braid.reactive.load.GraphLoader;
import io.r2dbc.spi.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A session on one connection. One operation at a time, enforced by {@link OperationGuard}. */
final class DefaultSession implements Session {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultSession.class);

    private final Connection connection;
    private final MappingRegistry registry;
    private final QueryPlanner planner;
    private final StatementExecutor executor;
    private final FlushExecutor flushExecutor;
    private final GraphLoader graphLoader;
    private final boolean transactional;
    private final TransactionControl tx;
    private final IdentityMap identityMap = new IdentityMap();
    private final EntityHydrator hydrator = new EntityHydrator(identityMap);
    private final UnitOfWork unitOfWork;
    private final OperationGuard guard = new OperationGuard();
    // Flushes whose effects are not committed yet: undone if the transaction rolls back.
    private final List<FlushPlan> uncommitted = new ArrayList<>();
    // A non-transactional session wraps each flush in its own transaction; true while one is open.
    private volatile boolean flushTransactionOpen;
    // Set when a flush failed inside the transaction: the database may hold part of it, so the
    // transaction can only roll back (SQLAlchemy's "inactive transaction").
    private volatile Throwable failedFlush;

    DefaultSession(Connection connection, MappingRegistry registry, QueryPlanner planner, SqlRenderer renderer,
                   StatementExecutor executor, FlushExecutor flushExecutor, boolean transactional, TransactionControl tx) {
        this.connection = connection;
        this.registry = registry;
        this.planner = planner;
        this.executor = executor;
        this.flushExecutor = flushExecutor;
        this.graphLoader = new GraphLoader(planner, executor);
        this.transactional = transactional;
        this.tx = tx;
        this.unitOfWork = new UnitOfWork(registry, identityMap, renderer);
    }

    QueryPlanner planner() {
        return planner;
    }

    @Override
    public Dialect dialect() {
        return planner.dialect();
    }

    @Override
    public <T> Mono<T> get(Class<T> type, Object id) {
        return guard.mono("get(" + type.getSimpleName() + ", " + id + ")", () -> {
            requireActive();
            EntityMapping mapping = registry.entity(type);
            EntityKey key = mapping.keyFor(id);
            Object held = identityMap.get(key);
            if (held != null) {
                EntityState state = identityMap.stateOf(held);
                return state != null && state.status() == EntityStatus.DELETED ? Mono.empty() : Mono.just(type.cast(held));
            }
            // Planned as a query: JOINED defaults join in this statement, SELECTIN ones follow it.
            SelectPlan plan = planner.get(key);
            return autoflush().then(rows(plan, type).singleOrEmpty());
        });
    }

    @Override
    public <T> Select<T> select(Class<T> type) {
        registry.entity(type); // fail at once, naming the class, if it is not mapped
        return new DefaultSelect<>(this, Query.from(type));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Select<T> select(dev.braid.core.relation.WriteOnlyCollection<T> collection) {
        Object owner = RelationInternals.writeOnlyOwner(collection);
        EntityMapping ownerMapping = registry.entity(owner.getClass());
        RelationshipMapping r = ownerMapping.requireRelationship(RelationInternals.writeOnlyAttribute(collection));
        Object ownerKey = r.localColumn().get(owner);
        if (ownerKey == null) {
            throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot query " + r.qualifiedName() + " of a "
                    + ownerMapping.name() + " that has no id yet. Fix: flush the session first");
        }
        Class<T> target = (Class<T>) r.target().type();
        dev.braid.core.query.Predicate membership;
        if (r.direction() == RelationshipMapping.Direction.MANY_TO_MANY) {
            if (r.reverse() == null) {
                throw new MapperException(ErrorCode.BRAID_QUERY, "Querying many-to-many " + r.qualifiedName()
                        + " needs its reverse. Fix: declare backPopulates on both ends");
            }
            membership = dev.braid.core.query.Relation.of(target, r.reverse().attribute(), ownerMapping.type())
                    .any(new dev.braid.core.query.Predicate.Compare(dev.braid.core.query.Attribute.of(ownerMapping.type(),
                            r.localColumn().attribute(), dev.braid.core.meta.Boxing.boxed(r.localColumn().type().javaClass())),
                            dev.braid.core.query.Predicate.Op.EQ, ownerKey));
        } else {
            membership = new dev.braid.core.query.Predicate.Compare(dev.braid.core.query.Attribute.of(target,
                    r.remoteColumn().attribute(), dev.braid.core.meta.Boxing.boxed(r.remoteColumn().type().javaClass())),
                    dev.braid.core.query.Predicate.Op.EQ, ownerKey);
        }
        return new DefaultSelect<>(this, Query.from(target).where(membership));
    }

    <T> Flux<T> stream(Query<T> query) {
        return guard.flux("select " + query.entityType().getSimpleName(), () -> {
            requireActive();
            SelectPlan plan = planner.select(query);
            return autoflush().thenMany(rows(plan, query.entityType()));
        });
    }

    /** A query whose results the session does not track (see {@link Select#readOnly()}). */
    <T> Flux<T> streamReadOnly(Query<T> query) {
        return guard.flux("select " + query.entityType().getSimpleName(), () -> {
            requireActive();
            SelectPlan plan = planner.select(query);
            return autoflush().thenMany(Flux.defer(() -> {
                // One object per row within the result, through a map of its own, used only for rows that
                // can repeat an object (most rows cannot: plain roots, one-to-many children).
                IdentityMap keys = new IdentityMap();
                return rows(plan, query.entityType(),
                        new GraphLoader.Target(keys, null, EntityHydrator.untracked(keys), RowIdentity.of(plan)));
            }));
        });
    }

    <T> Flux<T> streamWindows(Query<T> query, int window) {
        return guard.flux("stream " + query.entityType().getSimpleName(), () -> {
            requireActive();
            return autoflush().thenMany(new WindowedStream<>(connection, planner, executor, graphLoader, transactional,
                    query, window, "braid_cursor_" + names.incrementAndGet(), this::afterCancel).flux());
        });
    }

    Mono<Long> bulkDelete(Query<?> query) {
        return guard.mono("delete " + query.entityType().getSimpleName(), () -> {
            requireActive();
            EntityMapping mapping = registry.entity(query.entityType());
            // Rendered before the autoflush: a query that is not a plain filter is rejected before anything is sent.
            var plain = planner.bulkDelete(query, false);
            List<ColumnMapping> ids = mapping.idColumns();
            List<Class<?>> types = ids.stream().<Class<?>>map(c -> c.type().databaseClass()).toList();
            return autoflush().then(Mono.defer(() -> identityMap.size() == 0
                    // Nothing held that could be a deleted row: no keys to read back.
                    ? executor.update(connection, plain)
                    : executor.returning(connection, planner.bulkDelete(query, true), types).map(rows -> {
                // The rows are gone: objects held for them leave the session, as after a flushed DELETE.
                for (Object[] row : rows) {
                    Object id;
                    if (ids.size() == 1) {
                        id = ids.get(0).fromDatabase(row[0]);
                    } else {
                        List<Object> parts = new ArrayList<>(ids.size());
                        for (int i = 0; i < ids.size(); i++) parts.add(ids.get(i).fromDatabase(row[i]));
                        id = parts;
                    }
                    Object held = identityMap.get(new dev.braid.core.meta.EntityKey(mapping.type(), id));
                    EntityState state = held == null ? null : identityMap.stateOf(held);
                    if (state != null) identityMap.remove(state);
                }
                return (long) rows.size();
            })));
        });
    }

    Mono<Long> count(Query<?> query) {
        return guard.mono("count " + query.entityType().getSimpleName(), () -> {
            requireActive();
            var sql = planner.count(query);
            return autoflush().then(executor.query(connection, sql, row -> row.get(0, Long.class)).single());
        });
    }

    Mono<Boolean> exists(Query<?> query) {
        return guard.mono("exists " + query.entityType().getSimpleName(), () -> {
            requireActive();
            var sql = planner.exists(query);
            return autoflush().then(executor.query(connection, sql, row -> Boolean.TRUE).hasElements());
        });
    }

    @Override
    public Mono<Void> load(Object entity, Relation<?, ?>... path) {
        return load(List.of(entity), path);
    }

    @Override
    public Mono<Void> load(Collection<?> entities, Relation<?, ?>... path) {
        return guard.mono("load " + List.of(path), () -> {
            requireActive();
            List<LoadNode> nodes = explicitPath(path);
            for (Object entity : entities) {
                if (!identityMap.contains(entity)) {
                    throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot load " + List.of(path) + " of "
                            + entity.getClass().getSimpleName() + ": the object is not in this session."
                            + " Fix: load it in this session first");
                }
            }
            return autoflush().then(graphLoader.load(connection, identityMap, hydrator, entities, nodes, Set.of()));
        });
    }

    /** A chain of SELECTIN nodes for the path; the last one with its targets' default loads below it. */
    private List<LoadNode> explicitPath(Relation<?, ?>[] path) {
        Require.argument(path.length > 0, "load(...) needs a relationship, e.g. session.load(author, Author_.books)");
        List<RelationshipMapping> relationships = new ArrayList<>();
        for (Relation<?, ?> step : path) {
            relationships.add(registry.entity(step.ownerType()).requireRelationship(step.name()));
        }
        LoadNode node = planner.loads().single(relationships.get(relationships.size() - 1), 0);
        for (int i = relationships.size() - 2; i >= 0; i--) {
            node = new LoadNode(relationships.get(i), dev.braid.core.meta.LoadStrategy.SELECTIN, 0, List.of(node));
        }
        return List.of(node);
    }

    /**
     * The plan's root entities. Without anything to load they stream straight from the result;
     * otherwise the result is read completely first (a child query must not start while it is open),
     * then the relationships are loaded level by level, then the roots are emitted.
     */
    private <T> Flux<T> rows(SelectPlan plan, Class<T> type) {
        return rows(plan, type, new GraphLoader.Target(identityMap, identityMap, hydrator, RowIdentity.always()))
                .filter(this::notDeleted);
    }

    private <T> Flux<T> rows(SelectPlan plan, Class<T> type, GraphLoader.Target target) {
        EntityMapping mapping = plan.entity();
        EntityHydrator hydrator = target.hydrator();
        boolean lookUpRoots = target.rowIdentity().roots();
        if (plan.streamable()) {
            return executor.query(connection, plan.sql(), row -> type.cast(lookUpRoots
                    ? hydrator.hydrate(mapping, row, 0) : hydrator.hydrateNew(mapping, row, 0)));
        }
        // Without joins every row is a different root: no check for repeats is needed.
        boolean repeats = plan.distinctRoots() || !plan.joined().isEmpty();
        List<Object> roots = new ArrayList<>();
        Set<Object> seen = repeats ? java.util.Collections.newSetFromMap(new IdentityHashMap<>()) : null;
        Map<Object, Map<LoadNode, List<Object>>> joinedByRoot = plan.joined().isEmpty() ? Map.of() : new IdentityHashMap<>();
        return executor.consume(connection, plan.sql(), row -> {
                    Object root = lookUpRoots ? hydrator.hydrate(mapping, row, 0) : hydrator.hydrateNew(mapping, row, 0);
                    if (seen == null || seen.add(root)) roots.add(root);
                    for (SelectPlan.JoinedLoad joined : plan.joined()) {
                        collectJoined(hydrator, root, joined, row, joinedByRoot);
                    }
                }, false)
                .then(Mono.fromRunnable(() -> assignJoined(target.sessionObjects(), plan, joinedByRoot)))
                .thenMany(Flux.defer(() -> {
                    Set<LoadNode> preloaded = new HashSet<>();
                    for (SelectPlan.JoinedLoad joined : plan.joined()) preloaded.add(joined.node());
                    return graphLoader.load(connection, target, roots, true, plan.load(), preloaded)
                            .thenMany(Flux.fromIterable(roots));
                }))
                .map(type::cast);
    }

    private static void collectJoined(EntityHydrator hydrator, Object root, SelectPlan.JoinedLoad joined, RowView row,
                               Map<Object, Map<LoadNode, List<Object>>> joinedByRoot) {
        RelationshipMapping r = joined.node().relationship();
        Object target = hydrator.hydrate(r.target(), row, joined.offset());
        List<Object> list = joinedByRoot.computeIfAbsent(root, k -> new IdentityHashMap<>())
                .computeIfAbsent(joined.node(), k -> new ArrayList<>());
        if (target != null && list.stream().noneMatch(o -> o == target)) list.add(target);
    }

    private static void assignJoined(IdentityMap identityMap, SelectPlan plan, Map<Object, Map<LoadNode, List<Object>>> joinedByRoot) {
        for (Map.Entry<Object, Map<LoadNode, List<Object>>> e : joinedByRoot.entrySet()) {
            Object root = e.getKey();
            for (SelectPlan.JoinedLoad joined : plan.joined()) {
                RelationshipMapping r = joined.node().relationship();
                Object wrapper = r.wrapperOf(root);
                if (RelationInternals.isLoaded(wrapper)) continue; // held objects keep what they have
                List<Object> found = e.getValue().getOrDefault(joined.node(), List.of());
                if (r.isCollection()) {
                    RelationInternals.loadCollection(wrapper, found);
                    EntityState state = identityMap == null ? null : identityMap.stateOf(root);
                    if (state != null) state.collectionSnapshot(r, found);
                    if (r.reverse() != null && r.direction() == RelationshipMapping.Direction.ONE_TO_MANY) {
                        for (Object child : found) {
                            Object back = r.reverse().wrapperOf(child);
                            if (!RelationInternals.isLoaded(back)) RelationInternals.loadReference(back, root);
                        }
                    }
                } else {
                    RelationInternals.loadReference(wrapper, found.isEmpty() ? null : found.get(0));
                }
            }
        }
    }

    // Rows of objects deleted in this session but not flushed yet are not results (autoflush normally
    // prevents this; it matters when a flush is not possible, e.g. inside a failed transaction).
    private boolean notDeleted(Object entity) {
        EntityState state = identityMap.stateOf(entity);
        return state == null || state.status() != EntityStatus.DELETED;
    }

    @Override
    public <T> Mono<T> add(T entity) {
        return guard.mono("add", () -> Mono.fromCallable(() -> {
            requireActive();
            unitOfWork.add(entity);
            return entity;
        }));
    }

    @Override
    public Mono<Void> addAll(Iterable<?> entities) {
        return guard.mono("addAll", () -> Mono.fromRunnable(() -> {
            requireActive();
            for (Object entity : entities) {
                unitOfWork.add(entity);
            }
        }));
    }

    @Override
    public Mono<Void> delete(Object entity) {
        return guard.mono("delete", () -> Mono.fromRunnable(() -> {
            requireActive();
            unitOfWork.delete(entity);
        }));
    }

    @Override
    public Mono<Void> flush() {
        return guard.mono("flush", () -> {
            requireActive();
            return flushNow();
        });
    }

    @Override
    public <T> Mono<T> refresh(T entity) {
        return guard.mono("refresh", () -> {
            requireActive();
            EntityState state = identityMap.stateOf(entity);
            if (state == null || state.status() != EntityStatus.PERSISTENT) {
                throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot refresh " + entity.getClass().getSimpleName()
                        + ": it is " + (state == null ? "not in this session" : state.status().name().toLowerCase(java.util.Locale.ROOT))
                        + ". Fix: refresh objects loaded (or flushed) in this session");
            }
            SelectPlan plan = planner.byKey(state.key());
            return awaitCleanup()
                    .then(executor.query(connection, plan.sql(), row -> {
                        hydrator.refresh(entity, state.mapping(), row);
                        return entity;
                    }).singleOrEmpty())
                    .switchIfEmpty(Mono.error(() -> new dev.braid.core.error.StaleDataException("Cannot refresh "
                            + state.key() + ": its row no longer exists (deleted by another transaction)."
                            + " Fix: delete or expunge the object in this session")))
                    .flatMap(e -> graphLoader.load(connection, identityMap, hydrator, List.of(e), plan.load(), Set.of())
                            .thenReturn(entity));
        });
    }

    @Override
    public boolean contains(Object entity) {
        return identityMap.contains(entity);
    }

    /**
     * Starts the cleanup of a cancelled operation at once (a cursor to close, a transaction to roll
     * back) and makes every later use of the connection, its release included, wait for it.
     */
    private void afterCancel(Mono<Void> cleanupAction) {
        Mono<Void> running = cleanupAction.onErrorResume(e -> {
            LOG.warn("Cleaning up after a cancelled operation failed", e);
            return Mono.empty();
        }).cache();
        running.subscribe();
        Mono<Void> before = pendingCleanup;
        pendingCleanup = before.then(running);
    }

    private volatile Mono<Void> pendingCleanup = Mono.empty();

    private Mono<Void> awaitCleanup() {
        return Mono.defer(() -> pendingCleanup);
    }

    private void requireActive() {
        Throwable cause = failedFlush;
        if (cause != null) {
            throw new MapperException(ErrorCode.BRAID_SESSION_INACTIVE, "This session's transaction is inactive: a"
                    + " flush failed in it (" + cause.getMessage() + "), so the database may hold part of that flush"
                    + " and the transaction can only roll back. Fix: let the error end the transaction (it rolls back),"
                    + " then retry the work in a new transaction", cause);
        }
    }

    /** Flush before a query so it never returns results that contradict pending changes (autoflush). */
    private Mono<Void> autoflush() {
        return awaitCleanup().then(Mono.defer(this::flushNow));
    }

    private Mono<Void> flushNow() {
        FlushPlan plan = unitOfWork.planFlush();
        if (plan.isEmpty()) {
            return Mono.empty();
        }
        if (transactional) {
            return flushExecutor.execute(connection, plan)
                    .doOnSuccess(v -> uncommitted.add(plan))
                    .doOnError(e -> failedFlush = e)
                    .doOnCancel(() -> failedFlush = new MapperException(ErrorCode.BRAID_SESSION_INACTIVE,
                            "the flush was cancelled"));
        }
        // Without a surrounding transaction each flush is atomic on its own.
        return Mono.defer(() -> (flushTransactionOpen ? rollbackQuietly() : Mono.<Void>empty())
                        .then(Mono.defer(() -> {
                            flushTransactionOpen = true;
                            return tx.begin();
                        })))
                .then(flushExecutor.execute(connection, plan))
                .then(tx.commit())
                .doOnSuccess(v -> {
                    flushTransactionOpen = false;
                    plan.complete();
                })
                .doOnCancel(plan::abort) // the commit may not have happened: the objects must not claim it did
                .onErrorResume(error -> {
                    plan.abort();
                    return rollbackQuietly().then(Mono.error(error));
                });
    }

    /** The end-of-scope flush, as a publisher that emits nothing. */
    <T> Mono<T> flushAtEnd() {
        return guard.mono("flush at end of scope", () -> {
            requireActive();
            return flushNow();
        }).then(Mono.empty());
    }

    @Override
    public Mono<Void> commit() {
        return guard.mono("commit", () -> {
            requireActive();
            if (!transactional) {
                return autoflush();
            }
            // The next transaction begins at the session's isolation level too.
            return autoflush()
                    .then(tx.commit())
                    .doOnSuccess(v -> {
                        uncommitted.forEach(FlushPlan::complete);
                        uncommitted.clear();
                    })
                    .then(tx.begin());
        });
    }

    @Override
    public Mono<Void> rollback() {
        return guard.mono("rollback", () -> {
            if (!transactional) {
                return Mono.fromRunnable(unitOfWork::revertToDatabase);
            }
            return awaitCleanup()
                    .then(tx.rollback())
                    .then(Mono.fromRunnable(() -> {
                        undoUncommitted();
                        unitOfWork.revertToDatabase();
                        failedFlush = null;
                    }))
                    .then(tx.begin());
        });
    }

    @Override
    public Mono<Void> expunge(Object entity) {
        return guard.mono("expunge", () -> Mono.fromRunnable(() -> unitOfWork.expunge(entity)));
    }

    @Override
    public <T> Mono<T> merge(T entity) {
        return guard.mono("merge", () -> {
            requireActive();
            return mergeGraph(entity, new IdentityHashMap<>());
        });
    }

    /**
     * Merges one object, then the objects its loaded relationships reach through MERGE cascades, and
     * points the session object's relationships at the merged copies (through the wrappers' public
     * API, so both ends, orphans and link rows follow as for any change).
     */
    private <T> Mono<T> mergeGraph(T entity, Map<Object, Object> merged) {
        @SuppressWarnings("unchecked") T done = (T) merged.get(entity);
        if (done != null) return Mono.just(done);
        EntityMapping mapping = registry.entity(entity.getClass());
        return mergeColumns(entity).flatMap(target -> {
            merged.put(entity, target);
            if (target == entity) return Mono.just(target);
            return Flux.fromIterable(mapping.relationships())
                    .filter(r -> r.cascades(dev.braid.core.meta.Cascade.MERGE) && !r.isWriteOnly()
                            && RelationInternals.isLoaded(r.wrapperOf(entity)))
                    .concatMap(r -> mergeRelationship(r, entity, target, merged))
                    .then(Mono.just(target));
        });
    }

    @SuppressWarnings("unchecked")
    private Mono<Void> mergeRelationship(RelationshipMapping r, Object detached, Object target, Map<Object, Object> merged) {
        Object source = r.wrapperOf(detached);
        if (!r.isCollection()) {
            Object related = RelationInternals.peekReference(source);
            Mono<Object> copy = related == null ? Mono.just(NONE) : mergeGraph(related, merged);
            return copy.doOnNext(c -> ((dev.braid.core.relation.Reference<Object>) r.wrapperOf(target))
                    .set(c == NONE ? null : c)).then();
        }
        List<?> members = new ArrayList<>(RelationInternals.peekCollection(source));
        Object targetWrapper = r.wrapperOf(target);
        Mono<Void> loaded = RelationInternals.isLoaded(targetWrapper) ? Mono.empty()
                : graphLoader.load(connection, identityMap, hydrator, List.of(target), List.of(
                        new LoadNode(r, dev.braid.core.meta.LoadStrategy.SELECTIN, 0, List.of())), Set.of());
        return loaded.thenMany(Flux.fromIterable(members).concatMap(m -> mergeGraph(m, merged)))
                .collectList()
                .doOnNext(copies -> ((dev.braid.core.relation.RelatedList<Object>) targetWrapper).setAll(copies))
                .then();
    }

    private static final Object NONE = new Object();

    private <T> Mono<T> mergeColumns(T entity) {
        return Mono.defer(() -> {
            @SuppressWarnings("unchecked") Class<T> type = (Class<T>) entity.getClass();
            EntityMapping mapping = registry.entity(type);
            if (identityMap.contains(entity)) return Mono.just(entity);
            EntityKey key = mapping.keyOf(entity);
            Mono<T> persistent = key == null ? Mono.empty()
                    : Mono.defer(() -> {
                        Object held = identityMap.get(key);
                        return held != null ? Mono.just(type.cast(held))
                                : autoflush().then(rows(planner.get(key), type).singleOrEmpty());
                    });
            return persistent
                    .map(target -> {
                        // Copy the detached object's columns onto the session's object; the flush writes the difference.
                        for (var column : mapping.columns()) {
                            if (!column.isId()) column.set(target, column.get(entity));
                        }
                        return target;
                    })
                    .switchIfEmpty(Mono.fromCallable(() -> {
                        Object[] values = new Object[mapping.columns().size()];
                        for (var column : mapping.columns()) values[column.index()] = column.get(entity);
                        T copy = type.cast(mapping.instantiate(values));
                        unitOfWork.add(copy);
                        return copy;
                    }));
        });
    }

    @Override
    public <T> Flux<T> nested(java.util.function.Function<Session, ? extends org.reactivestreams.Publisher<T>> work) {
        return Flux.defer(() -> {
            if (!transactional) {
                return Flux.error(new MapperException(ErrorCode.BRAID_ENTITY_STATE, "nested(...) needs a transaction"
                        + " to set a savepoint in. Fix: use mapper.inTransaction(...)"));
            }
            requireActive();
            String savepoint = "braid_sp_" + names.incrementAndGet();
            int flushesBefore = uncommitted.size();
            // Flush first, so everything unflushed when the savepoint rolls back is the nested work's own.
            return autoflush()
                    .then(Mono.defer(() -> Mono.from(connection.createSavepoint(savepoint))))
                    .onErrorMap(e -> executor.errors().exception(e, "SAVEPOINT " + savepoint))
                    .thenMany(Flux.defer(() -> Flux.from(work.apply(this))))
                    .concatWith(flushAtEnd())
                    .concatWith(Mono.defer(() -> Mono.from(connection.releaseSavepoint(savepoint)))
                            .onErrorMap(e -> executor.errors().exception(e, "RELEASE SAVEPOINT " + savepoint))
                            .then(Mono.empty()))
                    .onErrorResume(error -> Mono.defer(() -> Mono.from(connection.rollbackTransactionToSavepoint(savepoint)))
                            .onErrorMap(e -> executor.errors().exception(e, "ROLLBACK TO SAVEPOINT " + savepoint))
                            .then(Mono.fromRunnable(() -> {
                                // Undo what the flushes inside the savepoint did to objects; the outer work goes on.
                                while (uncommitted.size() > flushesBefore) {
                                    uncommitted.remove(uncommitted.size() - 1).abort();
                                }
                                unitOfWork.revertToDatabase();
                                failedFlush = null;
                            }))
                            .then(Mono.error(error)));
        });
    }

    // Savepoint and cursor names: unique within this session's connection, which is all they need.
    private final java.util.concurrent.atomic.AtomicInteger names = new java.util.concurrent.atomic.AtomicInteger();

    /** Begins the scope's transaction, as the first part of its work (so the scope's cleanup covers it). */
    Mono<Void> beginScope() {
        return tx.begin();
    }

    /** Commits the transaction, as the last part of the scope's work: a failing COMMIT is the scope's error. */
    <T> Mono<T> commitScope() {
        return awaitCleanup().then(tx.commit())
                .doOnSuccess(v -> {
                    uncommitted.forEach(FlushPlan::complete);
                    uncommitted.clear();
                })
                .then(Mono.empty());
    }

    // Cleanup waits for a BEGIN or COMMIT still in flight (a cancelled one goes on): decided earlier,
    // the ROLLBACK would be skipped and the connection released inside a transaction.
    Mono<Void> rollbackAndClose() {
        return awaitCleanup().then(tx.settled()).then(rollbackQuietly()).then(Mono.defer(() -> {
            undoUncommitted();
            return release();
        }));
    }

    Mono<Void> closeAfterSuccess() {
        return release();
    }

    Mono<Void> closeAfterFailure() {
        return awaitCleanup().then(tx.settled())
                .then(Mono.defer(() -> flushTransactionOpen ? rollbackQuietly() : Mono.<Void>empty()))
                .then(Mono.defer(this::release));
    }

    private void undoUncommitted() {
        for (int i = uncommitted.size() - 1; i >= 0; i--) {
            uncommitted.get(i).abort();
        }
        uncommitted.clear();
    }

    // A rollback that fails must not hide the error that caused it: log it and go on to release.
    private Mono<Void> rollbackQuietly() {
        return tx.rollback()
                .doOnSuccess(v -> flushTransactionOpen = false)
                .onErrorResume(e -> {
                    LOG.warn("Rollback failed; the connection is closed anyway", e);
                    return Mono.empty();
                });
    }

    Mono<Void> release() {
        guard.close();
        identityMap.clear(); // objects outlive the scope as detached plain objects
        return awaitCleanup().then(tx.settled()).then(tx.resetIsolation())
                .then(Mono.defer(() -> Mono.from(connection.close()))).onErrorResume(e -> {
            LOG.warn("Closing the connection failed", e);
            return Mono.empty();
        });
    }
}
