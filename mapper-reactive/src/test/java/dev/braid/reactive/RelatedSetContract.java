package dev.braid.reactive;

import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.relopts.Bookmark;
import dev.braid.reactive.relopts.Label;
import dev.braid.reactive.relopts.Label_;
import dev.braid.reactive.relopts.Reader;
import dev.braid.reactive.relopts.Reader_;
import dev.braid.reactive.relopts.RelOptsModel;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18 item 7: {@code RelatedSet} (set semantics by identity, insertion order, both ends in sync) on a
 * many-to-many and a one-to-many with an order, and a write-only many-to-many without a reverse.
 */
abstract class RelatedSetContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return RelOptsModel.registry();
    }

    /** Ann with labels zeta, alpha, mid and bookmarks at pages 5, 50, 12; returns Ann's id. */
    private Long seed() {
        Reader ann = new Reader("ann");
        Label zeta = new Label("zeta");
        ann.labels.add(zeta);
        ann.labels.add(new Label("alpha"));
        assertThat(ann.labels.add(zeta)).isFalse();
        ann.labels.add(new Label("mid"));
        for (int page : new int[] {5, 50, 12}) ann.bookmarks.add(new Bookmark(page));
        mapper.inTransaction(s -> s.add(ann)).blockLast(TIMEOUT);
        recorder().clear();
        return ann.id;
    }

    @Test
    void aMemberAddedTwiceIsOneMemberAndOneLinkRowAndBothEndsSync() {
        Reader ann = new Reader("ann");
        Label tag = new Label("tag");
        assertThat(ann.labels.add(tag)).isTrue();
        assertThat(ann.labels.add(tag)).isFalse();
        assertThat(ann.labels).containsExactly(tag);
        assertThat(tag.readers).containsExactly(ann);
        tag.readers.add(ann); // from the other end: still once
        assertThat(ann.labels).hasSize(1);
        mapper.inTransaction(s -> s.add(ann)).blockLast(TIMEOUT);
        assertThat(rows("SELECT reader_id, label_id FROM ro_reader_labels")).containsExactly(List.of(ann.id, tag.id));
        assertThat(recorder().statements()).filteredOn(sql -> sql.startsWith("INSERT INTO ro_reader_labels"))
                .containsExactly("INSERT INTO ro_reader_labels (reader_id, label_id) VALUES ($1, $2)");
    }

    @Test
    void selectinLoadsSetsInTheirOrder() {
        Long id = seed();
        StepVerifier.create(mapper.withSessionMono(s -> s.get(Reader.class, id)
                        .flatMap(r -> s.load(r, Reader_.labels).then(s.load(r, Reader_.bookmarks)).thenReturn(r))))
                .assertNext(r -> {
                    assertThat(r.labels).extracting(l -> l.name).containsExactly("alpha", "mid", "zeta");
                    assertThat(r.bookmarks).extracting(b -> b.page).containsExactly(50, 12, 5);
                    assertThat(r.labels.iterator().next().readers.isLoaded()).isFalse();
                })
                .verifyComplete();
        assertThat(recorder().statements()).hasSize(3);
        assertThat(recorder().statements().get(1)).doesNotContain("ORDER BY");
    }

    @Test
    void joinedManyToManyOrdersInSql() {
        seed();
        StepVerifier.create(mapper.withSession(s -> s.select(Reader.class).options(Loads.joined(Reader_.labels)).all()))
                .assertNext(r -> assertThat(r.labels).extracting(l -> l.name).containsExactly("alpha", "mid", "zeta"))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly("SELECT ro_readers.id, ro_readers.name, ro_labels.id,"
                + " ro_labels.name FROM ro_readers LEFT OUTER JOIN ro_reader_labels ON ro_reader_labels.reader_id = ro_readers.id"
                + " LEFT OUTER JOIN ro_labels ON ro_labels.id = ro_reader_labels.label_id"
                + " ORDER BY ro_readers.id, ro_labels.name, ro_labels.id");
    }

    @Test
    void removingFromASetDeletesTheLinkRowOrTheOrphan() {
        Long id = seed();
        mapper.inTransaction(s -> s.select(Reader.class).options(Loads.selectin(Reader_.labels, Label_.readers),
                Loads.selectin(Reader_.bookmarks)).all().doOnNext(r -> {
            Label alpha = r.labels.stream().filter(l -> l.name.equals("alpha")).findFirst().orElseThrow();
            assertThat(r.labels.remove(alpha)).isTrue();
            assertThat(r.labels.remove(alpha)).isFalse();
            assertThat(alpha.readers).isEmpty();
            Bookmark first = r.bookmarks.iterator().next();
            r.bookmarks.remove(first);
        })).blockLast(TIMEOUT);
        assertThat(rows("SELECT l.name FROM ro_reader_labels rl JOIN ro_labels l ON l.id = rl.label_id WHERE rl.reader_id = "
                + id + " ORDER BY l.name")).containsExactly(List.of("mid"), List.of("zeta"));
        assertThat(rows("SELECT page FROM ro_bookmarks ORDER BY page")).containsExactly(List.of(5), List.of(12));
        assertThat(recorder().statements()).contains("DELETE FROM ro_reader_labels WHERE reader_id = $1 AND label_id = $2");
    }

    @Test
    void anUnloadedSetFailsNamingTheAttribute() {
        Long id = seed();
        StepVerifier.create(mapper.withSessionMono(s -> s.get(Reader.class, id)))
                .assertNext(r -> {
                    assertThat(r.labels.isLoaded()).isFalse();
                    assertThatThrownBy(() -> r.labels.contains(new Label("x"))).isInstanceOf(MapperException.class)
                            .hasMessageContaining("Reader.labels");
                })
                .verifyComplete();
    }

    @Test
    void writeOnlyManyToManyWithoutAReverseAddsLinkRowsWithoutLoading() {
        Long id = seed();
        Long labelId = (Long) value("SELECT id FROM ro_labels WHERE name = 'mid'");
        StepVerifier.create(mapper.inTransaction(s -> s.get(Reader.class, id).flatMap(r -> s.get(Label.class, labelId).map(l -> reactor.util.function.Tuples.of(r, l)))
                        .flatMapMany(t -> {
                            t.getT1().followed.add(t.getT2());
                            return s.select(t.getT1().followed).all().map(l -> l.name);
                        })))
                .expectNext("mid")
                .verifyComplete();
        assertThat(rows("SELECT reader_id, label_id FROM ro_reader_follows")).containsExactly(List.of(id, labelId));
        assertThat(recorder().statements()).contains("INSERT INTO ro_reader_follows (reader_id, label_id) VALUES ($1, $2)",
                "SELECT ro_labels.id, ro_labels.name FROM ro_labels WHERE EXISTS (SELECT 1 FROM ro_reader_follows"
                        + " JOIN ro_readers ON ro_readers.id = ro_reader_follows.reader_id"
                        + " WHERE ro_reader_follows.label_id = ro_labels.id AND ro_readers.id = $1)");
        StepVerifier.create(mapper.inTransaction(s -> s.get(Reader.class, id).flatMap(r -> s.get(Label.class, labelId).map(l -> reactor.util.function.Tuples.of(r, l)))
                        .flatMapMany(t -> {
                            t.getT1().followed.remove(t.getT2());
                            return s.select(t.getT1().followed).count();
                        })))
                .expectNext(0L)
                .verifyComplete();
        assertThat(count("ro_reader_follows")).isZero();
        assertThat(count("ro_labels")).isEqualTo(3);
    }
}
