package dev.cairn.registry.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.model.Failure;
import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Version;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.testing.VersionBuilder;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Issue 27, item 2: every state × every transition of a version, against one table of what is legal
 * (the next state) and what is refused (the contract's error code).
 */
class VersionStateTest {

  private static final Map<String, UnaryOperator<VersionState>> TRANSITIONS =
      Map.of(
          "complete", VersionState::complete,
          "fail", VersionState::fail,
          "recover", VersionState::recover,
          "archive", VersionState::archive,
          "restore", VersionState::restore,
          "delete", VersionState::delete);

  /** The table: per state, per transition, the next state's name or the refusal's code. */
  private static final Map<VersionState, Map<String, String>> TABLE =
      new EnumMap<>(
          Map.of(
              VersionState.PENDING,
              Map.of(
                  "complete", "READY",
                  "fail", "FAILED",
                  "recover", "INVALID_STATE_TRANSITION",
                  "archive", "INVALID_STATE_TRANSITION",
                  "restore", "INVALID_STATE_TRANSITION",
                  "delete", "DELETED"),
              VersionState.READY,
              Map.of(
                  "complete", "VERSION_NOT_PENDING",
                  "fail", "FAILED",
                  "recover", "INVALID_STATE_TRANSITION",
                  "archive", "ARCHIVED",
                  "restore", "READY",
                  "delete", "DELETED"),
              VersionState.FAILED,
              Map.of(
                  "complete", "VERSION_NOT_PENDING",
                  "fail", "FAILED",
                  "recover", "READY",
                  "archive", "INVALID_STATE_TRANSITION",
                  "restore", "INVALID_STATE_TRANSITION",
                  "delete", "DELETED"),
              VersionState.ARCHIVED,
              Map.of(
                  "complete", "VERSION_NOT_PENDING",
                  "fail", "FAILED",
                  "recover", "INVALID_STATE_TRANSITION",
                  "archive", "ARCHIVED",
                  "restore", "READY",
                  "delete", "DELETED"),
              VersionState.DELETED,
              Map.of(
                  "complete", "VERSION_NOT_PENDING",
                  "fail", "VERSION_NOT_FOUND",
                  "recover", "INVALID_STATE_TRANSITION",
                  "archive", "INVALID_STATE_TRANSITION",
                  "restore", "INVALID_STATE_TRANSITION",
                  "delete", "VERSION_NOT_FOUND")));

  @Test
  void everyStateAndTransitionFollowsTheTable() {
    assertThat(TABLE.keySet()).containsExactly(VersionState.values());
    int checked = 0;
    for (VersionState state : VersionState.values()) {
      assertThat(TABLE.get(state).keySet()).isEqualTo(TRANSITIONS.keySet());
      for (Map.Entry<String, UnaryOperator<VersionState>> move : TRANSITIONS.entrySet()) {
        assertThat(outcome(state, move.getValue()))
            .as(state + "." + move.getKey() + "()")
            .isEqualTo(TABLE.get(state).get(move.getKey()));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(VersionState.values().length * TRANSITIONS.size());
  }

  @Test
  void refusalsAreConflictsExceptForAVersionThatIsGone() {
    assertThat(status(() -> VersionState.READY.complete())).isEqualTo(409);
    assertThat(status(() -> VersionState.PENDING.archive())).isEqualTo(409);
    assertThat(status(() -> VersionState.READY.recover())).isEqualTo(409);
    assertThat(status(() -> VersionState.DELETED.delete())).isEqualTo(404);
  }

  @Test
  void movesByHandOnlyBetweenReadyAndArchived() {
    assertThat(VersionState.READY.movedByHandTo("ARCHIVED")).isEqualTo(VersionState.ARCHIVED);
    assertThat(VersionState.ARCHIVED.movedByHandTo("READY")).isEqualTo(VersionState.READY);
    assertThat(VersionState.PENDING.movedByHandTo("PENDING")).isEqualTo(VersionState.PENDING);
    assertThat(VersionState.FAILED.movedByHandTo("FAILED")).isEqualTo(VersionState.FAILED);
  }

  @Test
  void refusesEveryOtherMoveAndUnknownNames() {
    for (String[] move :
        new String[][] {
          {"PENDING", "READY"},
          {"FAILED", "READY"},
          {"READY", "FAILED"},
          {"READY", "DELETED"},
          {"READY", "PENDING"},
          {"READY", "ready"},
          {"ARCHIVED", "BUILDING"}
        }) {
      assertThatThrownBy(() -> VersionState.of(move[0]).movedByHandTo(move[1]))
          .isInstanceOf(ApiException.class)
          .extracting(e -> ((ApiException) e).code())
          .isEqualTo("INVALID_STATE_TRANSITION");
    }
  }

  @Test
  void theWireNameIsTheStateAndNothingElseParses() {
    for (VersionState state : VersionState.values()) {
      assertThat(VersionState.of(state.wire())).isEqualTo(state);
    }
    assertThat(VersionState.requested("Ready")).isEmpty();
    assertThatThrownBy(() -> VersionState.of("BUILDING"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void versionChangeMovesTheRowOnlyThroughTheTransitions() {
    Instant at = Instant.parse("2026-12-01T00:00:00Z");
    Validation passed = new Validation("PASSED", "PASSED", Map.of());
    Version pending = version("PENDING");

    Version ready = VersionChange.completed(pending, "sha256:aa", 3L, passed, null, at);
    assertThat(ready.state()).isEqualTo("READY");
    assertThat(ready.readyAt()).isEqualTo(at);
    assertThat(ready.digest()).isEqualTo("sha256:aa");

    Failure failure = new Failure("CHECKSUM_MISMATCH", "changed");
    Version failed = VersionChange.failed(ready, failure, passed);
    assertThat(failed.state()).isEqualTo("FAILED");
    assertThat(failed.failure()).isEqualTo(failure);
    assertThat(failed.readyAt()).isEqualTo(at);
    assertThat(VersionChange.recovered(failed, passed).state()).isEqualTo("READY");
    assertThat(VersionChange.recovered(failed, passed).failure()).isNull();

    Version refused = VersionChange.completed(pending, "sha256:aa", 3L, passed, failure, at);
    assertThat(refused.state()).isEqualTo("FAILED");
    assertThat(refused.readyAt()).isNull();

    assertThat(
            VersionChange.edited(ready, VersionState.ARCHIVED, Map.of("k", "v"), "n", "d").state())
        .isEqualTo("ARCHIVED");
    assertThatThrownBy(() -> VersionChange.completed(ready, "sha256:bb", 3L, passed, null, at))
        .isInstanceOf(ApiException.class)
        .hasMessage("version 'v1' is READY")
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo("VERSION_NOT_PENDING");
    assertThatThrownBy(() -> VersionChange.recovered(ready, passed))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo("INVALID_STATE_TRANSITION");
  }

  private static String outcome(VersionState state, UnaryOperator<VersionState> move) {
    try {
      return move.apply(state).wire();
    } catch (ApiException e) {
      return e.code();
    }
  }

  private static int status(Runnable move) {
    try {
      move.run();
    } catch (ApiException e) {
      return e.status();
    }
    throw new AssertionError("not refused");
  }

  private static Version version(String state) {
    return VersionBuilder.version()
        .id("id")
        .model("ink")
        .variant("LOW")
        .state(state)
        .created(Instant.EPOCH, "carol")
        .build();
  }
}
