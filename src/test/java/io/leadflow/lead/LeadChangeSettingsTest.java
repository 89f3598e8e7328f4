package io.leadflow.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A lead whose changes the engine could not be told of is tried again after a wait that doubles, up to a cap. */
class LeadChangeSettingsTest {

  final LeadChangeSettings defaults = new LeadChangeSettings(null, null, null, null, null, null, null);

  @Test
  void theWaitStartsAtFiveSecondsAndDoublesPerFailure() {
    assertThat(defaults.retryAfter(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.retryAfter(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.retryAfter(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(defaults.retryAfter(7)).isEqualTo(Duration.ofSeconds(320));
  }

  @Test
  void theWaitNeverPassesTenMinutesHoweverOftenItFailed() {
    assertThat(defaults.retryAfter(8)).isEqualTo(Duration.ofMinutes(10));
    assertThat(defaults.retryAfter(1_000)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aLeaseShorterThanTheSweepWouldHandTheSameChangesToTwoRelays_andNoRelayThreadsRelayNothing() {
    assertThatThrownBy(() -> new LeadChangeSettings(null, null, null, Duration.ofSeconds(5), Duration.ofSeconds(5), null, null))
        .hasMessageContaining("leadflow.lead-changes.lease");
    assertThatThrownBy(() -> new LeadChangeSettings(null, 0, null, null, null, null, null))
        .hasMessageContaining("relay-threads");
  }
}
