package dev.braid.reactive;

import dev.braid.dialect.Dialect;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MapperBuilder#buildForServer()}: one connection, the version query where the product's dialect has one,
 * the plain dialect for PostgreSQL, H2 and MariaDB servers, the connection released in every case.
 */
abstract class BuildForServerContract extends MapperTestBase {

    private Dialect expected() {
        return postgres() ? Dialect.postgresql() : mariadb() ? Dialect.mariadb() : Dialect.h2();
    }

    private List<String> versionQueries() {
        return postgres() ? List.of("SELECT version()") : List.of();
    }

    @Test
    void picksThePlainDialectAfterAskingTheServerForItsVersion() {
        recorder().clear();
        Mapper built = Mapper.builder(pool(), registry()).buildForServer().block(TIMEOUT);
        assertThat(built.dialect()).isSameAs(expected());
        assertThat(recorder().statements()).isEqualTo(versionQueries());
        assertThat(awaitAllReleased(Duration.ofSeconds(1))).isTrue();
        assertThat(built.withSession(s -> s.select(dev.braid.reactive.model.Author.class).all()).count().block(TIMEOUT))
                .isZero();
    }

    @Test
    void anExplicitDialectWinsAndNoConnectionIsOpened() {
        recorder().clear();
        MapperBuilder builder = Mapper.builder(pool(), registry()).dialect(Dialect.cockroachdb());
        assertThat(builder.buildForServer().block(TIMEOUT).dialect()).isSameAs(Dialect.cockroachdb());
        assertThat(recorder().statements()).isEmpty();
    }

    @Test
    void theBuilderIsLeftAsItWas() {
        MapperBuilder builder = Mapper.builder(pool(), registry());
        builder.buildForServer().block(TIMEOUT);
        assertThat(builder.build().dialect()).isSameAs(expected());
    }

    @Test
    void aFailingVersionQueryFailsTheMonoAndReleasesTheConnection() {
        org.junit.jupiter.api.Assumptions.assumeTrue(postgres(), "only the PostgreSQL family sends a version query");
        recorder().failNextMatching("SELECT version()");
        StepVerifier.create(Mapper.builder(pool(), registry()).buildForServer())
                .expectError()
                .verify(TIMEOUT);
        assertThat(awaitAllReleased(Duration.ofSeconds(1))).isTrue();
    }
}
