package dev.braid.reactive;

import dev.braid.reactive.joined.Employee;
import dev.braid.reactive.joined.Employee_;
import dev.braid.reactive.joined.Engineer;
import dev.braid.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class MariaDbJoinedTableTest extends JoinedTableContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }

    @Test
    void theSubclassRowsOfManyObjectsAreReadInChunksOfTheDialectsInListSize() {
        int chunk = mapper.dialect().defaultInListChunkSize();
        execute("INSERT INTO employees (name, kind) SELECT CONCAT('e', seq), 'engineer' FROM seq_1_to_" + (chunk + 1));
        execute("INSERT INTO engineers (id, language) SELECT id, CONCAT('lang', id) FROM employees");
        StepVerifier.create(mapper.withSession(s -> s.select(Employee.class).orderBy(Employee_.id.asc()).all()).collectList())
                .assertNext(all -> {
                    assertThat(all).hasSize(chunk + 1).allSatisfy(e -> assertThat(e).isInstanceOf(Engineer.class));
                    assertThat(all).allSatisfy(e -> assertThat(((Engineer) e).language).isEqualTo("lang" + e.id));
                })
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(SELECT + " ORDER BY employees.id",
                subclassRows("engineers", "@language", chunk), subclassRows("engineers", "@language", 1));
    }
}
