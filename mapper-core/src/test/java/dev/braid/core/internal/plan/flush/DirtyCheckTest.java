package dev.braid.core.internal.plan.flush;

import dev.braid.core.fixtures.Author;
import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.mapping.MappingRegistry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The dirty check compares an object with its snapshot, without a database. */
class DirtyCheckTest {
    private final MappingRegistry registry = MappingRegistry.builder().entity(Author.class).build();
    private final EntityMapping authors = registry.entity(Author.class);
    private final IdentityMap identityMap = new IdentityMap();

    private EntityState loaded(String name) {
        Author a = new Author(name);
        authors.columns().get(0).set(a, 1L); // id
        authors.versionColumn().orElseThrow().set(a, 3);
        return identityMap.loaded(authors, a, 1L, authors.readDatabaseValues(a));
    }

    @Test
    void anUntouchedObjectIsClean() {
        assertThat(new DirtyCheck().isDirty(loaded("Ann"))).isFalse();
        assertThat(DirtyCheck.changedColumns(loaded("Bob"))).isEmpty();
    }

    @Test
    void aChangedColumnIsDirtyAndNamed() {
        EntityState state = loaded("Ann");
        ((Author) state.entity()).setName("Anne");
        assertThat(new DirtyCheck().isDirty(state)).isTrue();
        assertThat(DirtyCheck.changedColumns(state)).extracting(ColumnMapping::column).containsExactly("name");
    }

    @Test
    void anEqualValueInANewObjectIsNotAChange() {
        EntityState state = loaded("Ann");
        ((Author) state.entity()).setName(new String("Ann"));
        assertThat(new DirtyCheck().isDirty(state)).isFalse();
    }

    @Test
    void theKeyAndVersionAreNeverChangedColumns() {
        EntityState state = loaded("Ann");
        authors.versionColumn().orElseThrow().set(state.entity(), 4);
        assertThat(new DirtyCheck().isDirty(state)).isTrue();
        assertThat(DirtyCheck.changedColumns(state)).isEmpty();
    }

    @Test
    void sameValueComparesArraysByContentAndDecimalsByValue() {
        assertThat(DirtyCheck.sameValue(new byte[]{1, 2}, new byte[]{1, 2})).isTrue();
        assertThat(DirtyCheck.sameValue(new byte[]{1, 2}, new byte[]{2, 1})).isFalse();
        assertThat(DirtyCheck.sameValue(new BigDecimal("1.50"), new BigDecimal("1.5"))).isTrue();
        assertThat(DirtyCheck.sameValue(new BigDecimal("1.50"), new BigDecimal("1.51"))).isFalse();
        assertThat(DirtyCheck.sameValue(null, null)).isTrue();
        assertThat(DirtyCheck.sameValue(null, "x")).isFalse();
    }
}
