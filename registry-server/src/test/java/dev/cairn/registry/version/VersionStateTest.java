package dev.cairn.registry.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.registry.domain.ApiException;
import org.junit.jupiter.api.Test;

class VersionStateTest {

  @Test
  void movesByHandOnlyBetweenReadyAndArchived() {
    assertThat(VersionState.READY.movedByHandTo("ARCHIVED")).isEqualTo(VersionState.ARCHIVED);
    assertThat(VersionState.ARCHIVED.movedByHandTo("READY")).isEqualTo(VersionState.READY);
    assertThat(VersionState.PENDING.movedByHandTo("PENDING")).isEqualTo(VersionState.PENDING);
  }

  @Test
  void refusesEveryOtherMoveAndUnknownNames() {
    for (String[] move :
        new String[][] {
          {"PENDING", "READY"}, {"FAILED", "READY"}, {"READY", "FAILED"}, {"READY", "DELETED"}
        }) {
      assertThatThrownBy(() -> VersionState.of(move[0]).movedByHandTo(move[1]))
          .isInstanceOf(ApiException.class)
          .extracting(e -> ((ApiException) e).code())
          .isEqualTo("INVALID_STATE_TRANSITION");
    }
  }
}
