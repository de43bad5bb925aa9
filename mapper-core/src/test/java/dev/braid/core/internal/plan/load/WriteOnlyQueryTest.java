package dev.braid.core.internal.plan.load;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.plan.load.SessionPlanModel.Club;
import dev.braid.core.internal.plan.load.SessionPlanModel.Item;
import dev.braid.core.internal.plan.load.SessionPlanModel.Person;
import dev.braid.core.internal.plan.load.SessionPlanModel.Shelf;
import dev.braid.query.Query;
import dev.braid.dialect.Dialect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The query over a write-only collection's members, planned without a database. */
class WriteOnlyQueryTest {
    private final MappingRegistry registry = SessionPlanModel.registry();
    private final QueryPlanner pg = new QueryPlanner(registry, Dialect.postgresql());

    @Test
    void aOneToManyFiltersByTheForeignKey() {
        Shelf shelf = new Shelf();
        shelf.id = 3L;
        Query<Item> query = WriteOnlyQuery.of(registry, shelf.items);
        assertThat(query.entityType()).isEqualTo(Item.class);
        SelectPlan plan = pg.select(query);
        assertThat(plan.sql().sql()).isEqualTo("SELECT items.id, items.label, items.shelf_id FROM items"
                + " WHERE items.shelf_id = $1");
        assertThat(plan.sql().binds()).extracting(b -> b.value()).containsExactly(3L);
    }

    @Test
    void aManyToManyFiltersThroughTheReverse() {
        Club club = new Club();
        club.id = 9L;
        Query<Person> query = WriteOnlyQuery.of(registry, club.members);
        String sql = pg.select(query).sql().sql();
        assertThat(sql).startsWith("SELECT people.id, people.name FROM people WHERE EXISTS (SELECT 1 FROM club_people")
                .contains("clubs.id = $1");
        assertThat(pg.select(query).sql().binds()).extracting(b -> b.value()).containsExactly(9L);
    }

    @Test
    void anOwnerWithoutAnIdCannotBeQueried() {
        assertThatThrownBy(() -> WriteOnlyQuery.of(registry, new Shelf().items))
                .isInstanceOf(MapperException.class)
                .satisfies(e -> assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_ENTITY_STATE))
                .hasMessageContaining("Cannot query Shelf.items of a Shelf that has no id yet");
    }
}
