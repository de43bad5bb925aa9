package dev.braid.reactive;

import dev.braid.reactive.keys.Audited;
import dev.braid.reactive.keys.Audited_;
import dev.braid.reactive.keys.KeyModels;
import dev.braid.reactive.keys.Ticket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lifecycle callbacks: annotated entity methods and listeners (mapper-wide and per entity), reading the Reactor
 * context for audit columns, their changes written by the same flush; an error aborts the flush with nothing
 * written; afterLoad once per object entering the session.
 */
abstract class LifecycleContract extends MapperTestBase {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    protected dev.braid.mapping.MappingRegistry registry() {
        return KeyModels.registry();
    }

    @BeforeAll
    @Override
    void createMapper() {
        EntityListener<Object> everything = new EntityListener<>() {
            @Override
            public Publisher<Void> beforeInsert(Object entity, ContextView context) {
                return Mono.fromRunnable(() -> events.add("all:insert:" + entity.getClass().getSimpleName()));
            }

            @Override
            public Publisher<Void> beforeDelete(Object entity, ContextView context) {
                return Mono.fromRunnable(() -> events.add("all:delete:" + entity.getClass().getSimpleName()));
            }

            @Override
            public void afterLoad(Object entity) {
                events.add("all:load:" + entity.getClass().getSimpleName());
            }
        };
        EntityListener<Ticket> tickets = new EntityListener<>() {
            @Override
            public Publisher<Void> beforeInsert(Ticket ticket, ContextView context) {
                if ("bad".equals(ticket.title)) return Mono.error(new IllegalStateException("bad ticket"));
                // Asynchronous, reading the subscriber's context: the audit column of the same INSERT.
                return Mono.deferContextual(c -> Mono.fromRunnable(() -> {
                    events.add("ticket:insert");
                    ticket.createdBy = c.getOrDefault("user", "nobody");
                }));
            }
        };
        mapper = Mapper.builder(pool(), registry()).entityListener(Ticket.class, tickets).entityListener(everything).build();
    }

    @BeforeEach
    void clearEvents() {
        events.clear();
    }

    @Test
    void beforeInsertReadsTheReactorContextAndItsChangeIsPartOfTheInsert() {
        Audited audited = new Audited("first");
        Ticket ticket = new Ticket("printer");
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(audited).then(s.add(ticket)))
                        .contextWrite(Context.of("user", "ann")))
                .expectNext(ticket)
                .verifyComplete();
        assertThat(audited.calls).containsExactly("beforeInsert");
        assertThat(audited.createdBy).isEqualTo("ann");
        assertThat(ticket.createdBy).isEqualTo("ann");
        // Mapper-wide listeners first, then the entity's listener; objects in insert order.
        assertThat(events).containsExactly("all:insert:Ticket", "ticket:insert", "all:insert:Audited");
        assertThat(rows("SELECT created_by FROM audited")).containsExactly(List.of("ann"));
        assertThat(rows("SELECT created_by FROM tickets")).containsExactly(List.of("ann"));
        assertThat(recorder().statements()).hasSize(2); // one INSERT each: no UPDATE for the listeners' changes
        assertThat(recorder().statements()).allSatisfy(sql -> assertThat(sql).contains("INSERT INTO"));
    }

    @Test
    void beforeUpdateRunsOnlyForChangedObjectsAndAfterLoadOncePerObject() {
        mapper.inTransactionMono(s -> s.add(new Audited("a")).then(s.add(new Audited("b")))).block(TIMEOUT);
        recorder().clear();
        events.clear();
        List<Audited> loaded = new java.util.ArrayList<>();
        StepVerifier.create(mapper.inTransaction(s -> s.select(Audited.class).orderBy(Audited_.id.asc()).all().collectList()
                                .flatMapMany(first -> s.select(Audited.class).orderBy(Audited_.id.asc()).all().collectList()
                                        .map(again -> {
                                            assertThat(again.get(0)).isSameAs(first.get(0));
                                            first.get(0).name = "a2";
                                            return first;
                                        })))
                        .contextWrite(Context.of("user", "bob")))
                .assertNext(loaded::addAll)
                .verifyComplete();
        // The UPDATE is sent by the end-of-scope flush, after the list was emitted.
        assertThat(loaded.get(0).calls).containsExactly("afterLoad", "beforeUpdate");
        assertThat(loaded.get(1).calls).containsExactly("afterLoad");
        assertThat(loaded.get(0).updatedBy).isEqualTo("bob");
        assertThat(events).containsExactly("all:load:Audited", "all:load:Audited");
        List<String> statements = recorder().statements();
        assertThat(statements).hasSize(3);
        assertThat(statements.get(2)).isEqualTo("UPDATE audited SET name = $1, updated_by = $2 WHERE id = $3");
        assertThat(rows("SELECT name, updated_by FROM audited ORDER BY id"))
                .containsExactly(List.of("a2", "bob"), java.util.Arrays.asList("b", null));
    }

    @Test
    void beforeDeleteRuns() {
        mapper.inTransactionMono(s -> s.add(new Audited("gone"))).block(TIMEOUT);
        events.clear();
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Audited.class).one()
                        .flatMap(a -> s.delete(a).then(s.flush()).thenReturn(a))))
                .assertNext(a -> assertThat(a.calls).containsExactly("afterLoad", "beforeDelete"))
                .verifyComplete();
        assertThat(events).containsExactly("all:load:Audited", "all:delete:Audited");
        assertThat(count("audited")).isZero();
    }

    @Test
    void aListenerErrorAbortsTheFlushBeforeAnythingIsWrittenAndTheSessionStaysUsable() {
        Ticket good = new Ticket("good");
        Ticket bad = new Ticket("bad");
        StepVerifier.create(mapper.inTransaction(s -> s.add(good).then(s.add(bad)).then(s.flush())
                                .onErrorResume(IllegalStateException.class, e -> {
                                    events.add("error:" + e.getMessage());
                                    // Nothing was written; what the flush filled in was taken back.
                                    assertThat(recorder().statements()).isEmpty();
                                    assertThat(good.createdAt).isNull();
                                    assertThat(good.code).isNull();
                                    return s.expunge(bad).then(s.flush());
                                })
                                .then(Mono.fromCallable(() -> good.createdBy)))
                        .contextWrite(Context.of("user", "cy")))
                .expectNext("cy")
                .verifyComplete();
        assertThat(events).contains("error:bad ticket");
        assertThat(rows("SELECT title, created_by FROM tickets")).containsExactly(List.of("good", "cy"));
        assertThat(recorder().statements()).hasSize(1);
    }
}
