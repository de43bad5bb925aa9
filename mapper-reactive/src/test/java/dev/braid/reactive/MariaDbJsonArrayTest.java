package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.typed.TypedModels;
import dev.braid.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MariaDB has no array columns, so JsonArrayContract's model (JSON documents and array attributes in one entity)
 * cannot get a table there: its DDL is refused before anything is sent, with the fix. (JSON columns alone are covered
 * by TypesContract on MariaDB.)
 */
class MariaDbJsonArrayTest extends MapperTestBase {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }

    @Override
    protected MappingRegistry registry() {
        return TypedModels.documents();
    }

    // The contract's fresh schema cannot be created on MariaDB: what would happen is what the tests assert.
    @Override
    void freshSchema() {
        recorder().clear();
    }

    private static void refusal(Throwable e) {
        assertThat(e).isInstanceOf(MapperException.class)
                .hasMessageContaining("MariaDB has no array columns")
                .hasMessageContaining("Fix: map the values as a child table (a one-to-many relationship), or as JSON");
        assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_MAPPING);
    }

    @Test
    void theDdlScriptOfArrayColumnsIsRefusedWithTheFix() {
        assertThatThrownBy(() -> mapper.schema().createScript()).satisfies(MariaDbJsonArrayTest::refusal);
    }

    @Test
    void creatingTheTablesIsRefusedBeforeAnyTableIsCreated() {
        // Planned (and refused) when createAll() is called, before a connection is asked for.
        assertThatThrownBy(() -> mapper.schema().createAll()).satisfies(MariaDbJsonArrayTest::refusal);
        assertThat(recorder().statements()).noneMatch(sql -> sql.startsWith("CREATE TABLE"));
        assertThat(value("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_name = 'profiles'")).isEqualTo(0L);
    }
}
