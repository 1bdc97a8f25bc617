package dev.cairn.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Finding 9: one audit entry per identity, project and minute, with the count it stands for. */
class RefusalWindowTest {

  private Instant now = Instant.parse("2026-11-30T12:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final RefusalWindow window = new RefusalWindow(Duration.ofMinutes(1), clock);

  @Test
  void theFirstRefusalIsWrittenTheRestOfTheMinuteCountedAndCarriedByTheNextEntry() {
    assertThat(window.admit("alice/qc")).isEqualTo(OptionalLong.of(1));
    for (int i = 0; i < 379; i++) {
      now = now.plusMillis(100);
      assertThat(window.admit("alice/qc")).isEmpty();
    }
    now = Instant.parse("2026-11-30T12:01:00Z");
    assertThat(window.admit("alice/qc")).isEqualTo(OptionalLong.of(380));
    assertThat(window.admit("alice/qc")).isEmpty();
  }

  @Test
  void identitiesAndProjectsHaveWindowsOfTheirOwn() {
    assertThat(window.admit("alice/qc")).isPresent();
    assertThat(window.admit("bob/qc")).isPresent();
    assertThat(window.admit("alice/other")).isPresent();
    assertThat(window.admit("alice/qc")).isEmpty();
  }
}
