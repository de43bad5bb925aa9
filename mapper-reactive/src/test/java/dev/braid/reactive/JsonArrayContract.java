package dev.braid.reactive;

import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.typed.Profile;
import dev.braid.reactive.typed.Profile_;
import dev.braid.reactive.typed.TypedModels;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON documents and array columns on each database: round trips, contents, dirty checking, filters, DDL. */
abstract class JsonArrayContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return TypedModels.documents();
    }

    private static final String SELECT = "SELECT profiles.id, profiles.settings, profiles.extra, profiles.tags,"
            + " profiles.labels, profiles.scores, profiles.refs FROM profiles";

    private String json(String marker) {
        return postgres() ? marker + "::jsonb" : marker + " FORMAT JSON";
    }

    private String textArray(String marker) {
        return postgres() ? marker + "::text[]" : marker;
    }

    private static Profile profile(long id, String... tags) {
        Profile p = new Profile();
        p.id = id;
        p.settings = new Profile.Settings("dark", 12, List.of("git"));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("b", 2);
        extra.put("a", List.of(1, 2));
        p.extra = extra;
        p.tags = tags;
        p.labels = new ArrayList<>(List.of("x", "y"));
        p.scores = new int[]{3, 1, 2};
        p.refs = new UUID[]{UUID.fromString("123e4567-e89b-12d3-a456-426614174000")};
        return p;
    }

    @Test
    void ddlDeclaresJsonAndArrayColumns() {
        String script = mapper.schema().createScript();
        assertThat(script).startsWith(postgres()
                ? "CREATE TABLE profiles (id bigint NOT NULL, settings jsonb, extra jsonb, tags text[], labels text[],"
                        + " scores integer[], refs uuid[], PRIMARY KEY (id))"
                : "CREATE TABLE profiles (id bigint NOT NULL, settings json, extra json, tags varchar array,"
                        + " labels varchar array, scores integer array, refs uuid array, PRIMARY KEY (id))");
    }

    @Test
    void documentsAndArraysRoundTrip() {
        mapper.inTransactionMono(s -> s.add(profile(1, "java", "sql"))).block(TIMEOUT);
        assertThat(recorder().statements()).containsExactly("INSERT INTO profiles (id, settings, extra, tags, labels,"
                + " scores, refs) VALUES ($1, " + json("$2") + ", " + json("$3") + ", " + textArray("$4") + ", "
                + textArray("$5") + ", " + (postgres() ? "$6::integer[], $7::uuid[])" : "$6, $7)"));
        // Stored as documents, not as JSON strings.
        if (postgres()) {
            assertThat(value("SELECT settings->>'theme' FROM profiles")).isEqualTo("dark");
        } else {
            // A JSON object, not a JSON string holding the text (what a bind without FORMAT JSON would store).
            assertThat(value("SELECT settings FROM profiles"))
                    .isEqualTo("{\"theme\":\"dark\",\"fontSize\":12,\"plugins\":[\"git\"]}");
        }
        assertThat(value("SELECT CARDINALITY(tags) FROM profiles")).isEqualTo(2);

        StepVerifier.create(mapper.withSessionMono(s -> s.get(Profile.class, 1L)))
                .assertNext(p -> {
                    assertThat(p.settings).isEqualTo(new Profile.Settings("dark", 12, List.of("git")));
                    assertThat(p.extra).containsEntry("b", 2).containsEntry("a", List.of(1, 2));
                    assertThat(p.tags).containsExactly("java", "sql");
                    assertThat(p.labels).containsExactly("x", "y");
                    assertThat(p.scores).containsExactly(3, 1, 2);
                    assertThat(p.refs).containsExactly(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
                })
                .verifyComplete();
    }

    @Test
    void dirtyCheckingComparesContent() {
        mapper.inTransactionMono(s -> s.add(profile(1, "java"))).block(TIMEOUT);
        recorder().clear();
        // Loaded and untouched (PostgreSQL's jsonb reorders the keys): nothing to write.
        mapper.inTransactionMono(s -> s.get(Profile.class, 1L)).block(TIMEOUT);
        assertThat(recorder().statements()).containsExactly(SELECT + " WHERE profiles.id = $1");
        recorder().clear();

        // A change inside the JSON object and in place in an array and a list.
        mapper.inTransactionMono(s -> s.get(Profile.class, 1L).doOnNext(p -> {
            p.extra.put("b", 3);
            p.scores[0] = 9;
            p.labels.add("z");
        })).block(TIMEOUT);
        assertThat(recorder().statements()).containsExactly(SELECT + " WHERE profiles.id = $1",
                "UPDATE profiles SET extra = " + json("$1") + ", labels = " + textArray("$2") + ", scores = "
                        + (postgres() ? "$3::integer[]" : "$3") + " WHERE id = $4");
        StepVerifier.create(mapper.withSessionMono(s -> s.get(Profile.class, 1L)))
                .assertNext(p -> {
                    assertThat(p.extra).containsEntry("b", 3);
                    assertThat(p.scores).containsExactly(9, 1, 2);
                    assertThat(p.labels).containsExactly("x", "y", "z");
                })
                .verifyComplete();
    }

    @Test
    void containsAndOverlapsFilterArrays() {
        mapper.inTransactionMono(s -> s.addAll(List.of(profile(1, "java", "sql"), profile(2, "java"), profile(3, "go"))))
                .block(TIMEOUT);
        recorder().clear();
        StepVerifier.create(mapper.withSession(s -> s.select(Profile.class).where(Profile_.tags.contains("java", "sql")).all())
                        .map(p -> p.id))
                .expectNext(1L).verifyComplete();
        StepVerifier.create(mapper.withSession(s -> s.select(Profile.class).where(Profile_.tags.overlaps("sql", "go"))
                        .orderBy(Profile_.id.asc()).all()).map(p -> p.id))
                .expectNext(1L, 3L).verifyComplete();
        assertThat(recorder().statements()).containsExactly(postgres()
                        ? SELECT + " WHERE profiles.tags @> $1::text[]" : SELECT
                        + " WHERE (ARRAY_CONTAINS(profiles.tags, $1) AND ARRAY_CONTAINS(profiles.tags, $2))",
                postgres() ? SELECT + " WHERE profiles.tags && $1::text[] ORDER BY profiles.id"
                        : SELECT + " WHERE (ARRAY_CONTAINS(profiles.tags, $1) OR ARRAY_CONTAINS(profiles.tags, $2))"
                        + " ORDER BY profiles.id");
    }
}
