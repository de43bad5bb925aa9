package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.reactive.internal.route.ReplicaState;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Replica routing without a database: what a replica's state allows, tokens, and options. */
class ReplicaRoutingUnitTest {
    private static final long MS = 1_000_000L;

    // 100 ms maximum lag, answers trusted 1 s, 5 s left alone after a failure.
    private final ReplicaState state = new ReplicaState("replica 1", 100, 1000 * MS, 5000 * MS);

    @Test
    void aReplicaNeverAskedIsUsableButMustBeAsked() {
        assertThat(state.usable(0)).isTrue();
        assertThat(state.needsCheck(0, 0)).isTrue();
    }

    @Test
    void aFreshAnswerServesReadsOfPositionsItReplayedWithoutAsking() {
        state.answered(500, 0, 10 * MS);
        assertThat(state.needsCheck(500, 20 * MS)).isFalse();
        assertThat(state.needsCheck(0, 20 * MS)).isFalse();
        assertThat(state.needsCheck(501, 20 * MS)).as("a later write than it replayed").isTrue();
        assertThat(state.needsCheck(500, 1010 * MS)).as("the answer is a second old").isTrue();
        assertThat(state.replayed(500)).isTrue();
        assertThat(state.replayed(501)).isFalse();
    }

    @Test
    void positionsCompareUnsigned() {
        state.answered(-1L, 0, 0); // FFFFFFFF/FFFFFFFF
        assertThat(state.replayed(Long.MAX_VALUE)).isTrue();
        assertThat(state.needsCheck(Long.MAX_VALUE, 1)).isFalse();
    }

    @Test
    void aLaggingReplicaIsSkippedUntilItsAnswerGetsOld() {
        state.answered(500, 101, 0);
        assertThat(state.withinLag()).isFalse();
        assertThat(state.usable(10 * MS)).isFalse();
        assertThat(state.usable(1000 * MS)).as("then asked again").isTrue();
        state.answered(900, 100, 1000 * MS);
        assertThat(state.usable(1001 * MS)).isTrue();
    }

    @Test
    void anUnreachableReplicaIsLeftAloneForItsDownTimeThenAskedAgain() {
        state.answered(500, 0, 0);
        state.down(10 * MS);
        assertThat(state.usable(10 * MS)).isFalse();
        assertThat(state.usable(5009 * MS)).isFalse();
        assertThat(state.usable(5010 * MS)).isTrue();
        assertThat(state.needsCheck(0, 5010 * MS)).as("its old answer is forgotten").isTrue();
    }

    @Test
    void anOlderQuestionsAnswerNeverReplacesANewerOne() {
        state.answered(900, 0, 20 * MS);
        state.answered(500, 500, 10 * MS); // asked earlier, answered later
        assertThat(state.replayed(900)).isTrue();
        assertThat(state.withinLag()).isTrue();
    }

    @Test
    void anAnswerToAQuestionAskedBeforeTheReplicaWentDownIsIgnored() {
        state.down(10 * MS);
        state.answered(900, 0, 5 * MS); // asked before the failure
        assertThat(state.needsCheck(0, 5011 * MS)).as("after its down time it is asked again").isTrue();
        state.answered(900, 0, 5020 * MS);
        assertThat(state.needsCheck(900, 5021 * MS)).isFalse();
    }

    @Test
    void readYourWritesTokensRoundTripAndOnlyMoveForward() {
        ReadYourWrites writes = ReadYourWrites.start();
        assertThat(writes.token()).isNull();
        writes.advance(0x16_B374D848L);
        assertThat(writes.token()).isEqualTo("16b374d848");
        writes.advance(0x10L);
        assertThat(writes.token()).as("never back").isEqualTo("16b374d848");
        writes.advance(-1L);
        assertThat(writes.token()).isEqualTo("ffffffffffffffff");

        assertThat(ReadYourWrites.after("16b374d848").position()).isEqualTo(0x16_B374D848L);
        assertThat(ReadYourWrites.after(" 16B374D848 ").position()).isEqualTo(0x16_B374D848L);
        assertThat(ReadYourWrites.after(null).token()).isNull();
        assertThat(ReadYourWrites.after("  ").token()).isNull();
        assertThat(ReadYourWrites.after("ffffffffffffffff").position()).isEqualTo(-1L);
    }

    @Test
    void aTokenBraidDidNotMakeIsRefused() {
        for (String bad : new String[] {"xyz", "0/3000060", "1ffffffffffffffff", "-1"}) {
            assertThatThrownBy(() -> ReadYourWrites.after(bad)).as(bad)
                    .isInstanceOfSatisfying(MapperException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BRAID_ARGUMENT))
                    .hasMessage("[BRAID_ARGUMENT] '" + bad + "' is not a read-your-writes token (up to 16 hexadecimal"
                            + " digits, as ReadYourWrites.token() makes them). Fix: pass the token unchanged, or start the"
                            + " reader with ReadYourWrites.start()");
        }
    }

    @Test
    void theTrackerTravelsInTheReactorContext() {
        ReadYourWrites writes = ReadYourWrites.after("ab");
        ReadYourWrites seen = Mono.deferContextual(c -> Mono.justOrEmpty(ReadYourWrites.in(c)))
                .contextWrite(writes.context()).block();
        assertThat(seen).isSameAs(writes);
        assertThat(Mono.deferContextual(c -> Mono.justOrEmpty(ReadYourWrites.in(c))).block()).isNull();
    }

    @Test
    void optionsCheckTheirDurations() {
        ReplicaOptions options = ReplicaOptions.defaults().maxLag(Duration.ofSeconds(2)).readYourWritesWait(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2)).checkInterval(Duration.ZERO).downFor(Duration.ofSeconds(1))
                .acquireTimeout(Duration.ofMillis(300));
        assertThat(options).isEqualTo(new ReplicaOptions(Duration.ofSeconds(2), Duration.ZERO, Duration.ofMillis(2),
                Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(300)));
        assertThat(ReplicaOptions.defaults()).isEqualTo(new ReplicaOptions(Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofMillis(5), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2)));
        assertThatThrownBy(() -> ReplicaOptions.defaults().pollInterval(Duration.ZERO))
                .hasMessageContaining("ReplicaOptions.pollInterval must be positive, was PT0S");
        assertThatThrownBy(() -> ReplicaOptions.defaults().maxLag(Duration.ofMillis(-1)))
                .hasMessageContaining("ReplicaOptions.maxLag must not be negative, was PT-0.001S");
    }
}
