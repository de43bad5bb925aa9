package dev.braid.testkit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class H2TestKitSmokeTest extends TestKitSmokeContract {

    @Override
    protected TestDatabase createDatabase() {
        return TestDatabase.h2();
    }

    @Test
    void isAPrivateH2Database() {
        assertThat(database().name()).isEqualTo("h2");
        assertThat(database()).isInstanceOf(H2TestDatabase.class);
        assertThat(((H2TestDatabase) database()).url()).matches("r2dbc:h2:mem:///braid_[0-9a-f]{12};DB_CLOSE_DELAY=-1");
        assertThat(database().pgActivity()).isEmpty();
    }
}
