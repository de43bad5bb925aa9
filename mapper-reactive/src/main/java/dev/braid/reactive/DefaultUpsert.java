package dev.braid.reactive;

import dev.braid.core.internal.plan.upsert.UpsertRequest;
import dev.braid.core.internal.util.Require;
import dev.braid.query.Attribute;
import dev.braid.statement.RenderedSql;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;

/** An immutable upsert request bound to a session; {@code single} unwraps the one result. */
final class DefaultUpsert<T, R> implements Upsert<T, R> {
    private final SessionUpserts session;
    private final UpsertRequest request;
    private final boolean single;

    DefaultUpsert(SessionUpserts session, UpsertRequest request, boolean single) {
        this.session = session;
        this.request = request;
        this.single = single;
    }

    /** {@code session.upsert(entity)}: colliding on the primary key, doing nothing, until told otherwise. */
    static <T> Upsert<T, T> of(SessionUpserts session, T entity) {
        Require.nonNull(entity, "entity");
        Class<?> type = session.registry().entity(entity.getClass()).type();
        return new DefaultUpsert<>(session, new UpsertRequest(type, List.of(entity), List.of(), null, false, null), true);
    }

    /** {@code session.upsertAll(type, entities)}. */
    static <T> Upsert<T, List<T>> all(SessionUpserts session, Class<T> type, Iterable<? extends T> entities) {
        Require.nonNull(entities, "entities");
        List<Object> objects = new java.util.ArrayList<>();
        entities.forEach(objects::add);
        return new DefaultUpsert<>(session, new UpsertRequest(session.registry().entity(type).type(), objects, List.of(),
                null, false, null), false);
    }

    private DefaultUpsert<T, R> with(List<Attribute<?, ?>> conflict, @Nullable String constraint, boolean update,
                                     @Nullable List<Attribute<?, ?>> updates) {
        return new DefaultUpsert<>(session, new UpsertRequest(request.type(), request.objects(), conflict, constraint,
                update, updates), single);
    }

    @SafeVarargs
    @Override
    public final Upsert<T, R> onConflict(Attribute<T, ?>... attributes) {
        Require.nonNull(attributes, "attributes");
        return with(Arrays.asList(attributes), null, request.update(), request.updateAttributes());
    }

    @Override
    public Upsert<T, R> onConstraint(String name) {
        Require.nonNull(name, "name");
        return with(List.of(), name, request.update(), request.updateAttributes());
    }

    @Override
    public Upsert<T, R> doNothing() {
        return with(request.conflict(), request.constraint(), false, null);
    }

    @Override
    public Upsert<T, R> doUpdate() {
        return with(request.conflict(), request.constraint(), true, null);
    }

    @SafeVarargs
    @Override
    public final Upsert<T, R> doUpdate(Attribute<T, ?>... attributes) {
        Require.nonNull(attributes, "attributes");
        return with(request.conflict(), request.constraint(), true, Arrays.asList(attributes));
    }

    @SuppressWarnings("unchecked")
    @Override
    public Mono<R> execute() {
        return session.upsert(request).map(objects -> (R) (single ? objects.get(0) : objects));
    }

    @Override
    public List<RenderedSql> sql() {
        return session.upsertSql(request);
    }
}
