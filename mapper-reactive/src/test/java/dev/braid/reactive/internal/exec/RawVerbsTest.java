package dev.braid.reactive.internal.exec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which raw SQL read for its rows may write. */
class RawVerbsTest {

    @Test
    void readsByTheirFirstKeyword() {
        for (String sql : new String[] {"SELECT 1", "  select * from t", "(SELECT 1) UNION (SELECT 2)", "-- c\nSELECT 1",
                "/* c */ VALUES (1)", "TABLE authors", "EXPLAIN SELECT 1", "SHOW search_path", "FETCH FORWARD 2 FROM c",
                "WITH a AS (SELECT 1) SELECT * FROM a"}) {
            assertThat(RawVerbs.mayWrite(sql)).as(sql).isFalse();
            assertThat(RawVerbs.beginsAsRead(sql)).as(sql).isTrue();
        }
    }

    @Test
    void writesAndDataModifyingWith() {
        for (String sql : new String[] {"UPDATE t SET a = 1 RETURNING id", "insert into t values (1) returning id",
                "DELETE FROM t RETURNING *", "MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE", "CALL p()", "",
                "/* unterminated"}) {
            assertThat(RawVerbs.mayWrite(sql)).as(sql).isTrue();
            assertThat(RawVerbs.beginsAsRead(sql)).as(sql).isFalse();
        }
        String cte = "WITH moved AS (DELETE FROM t RETURNING *) INSERT INTO u SELECT * FROM moved RETURNING id";
        assertThat(RawVerbs.mayWrite(cte)).isTrue();
        assertThat(RawVerbs.beginsAsRead(cte)).as("left to the server (a replica refuses it)").isTrue();
        assertThat(RawVerbs.mayWrite("SELECT updated_at FROM t")).as("a word, not a keyword").isFalse();
    }
}
