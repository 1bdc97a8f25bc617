package dev.cairn.sidecar.serving;

import static dev.cairn.sidecar.serving.ServingState.COLD;
import static dev.cairn.sidecar.serving.ServingState.DEGRADED;
import static dev.cairn.sidecar.serving.ServingState.LOADING;
import static dev.cairn.sidecar.serving.ServingState.READY;
import static dev.cairn.sidecar.serving.ServingState.UNLOADED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every transition of a served model's state, for every state: the table below is the whole state
 * machine, and the wire spelling is pinned because {@code /status}, the repository index and the
 * instance reports carry it.
 */
class ServingStateTest {

  /** One event and where it leads from each state, in the order COLD … UNLOADED. */
  private record Row(String event, UnaryOperator<ServingState> step, List<ServingState> to) {}

  private static final List<ServingState> FROM = List.of(COLD, LOADING, READY, DEGRADED, UNLOADED);

  private static final List<Row> TABLE =
      List.of(
          new Row(
              "demanded",
              ServingState::demanded,
              List.of(LOADING, LOADING, READY, DEGRADED, LOADING)),
          new Row("served", ServingState::served, List.of(UNLOADED, READY, READY, READY, UNLOADED)),
          new Row(
              "unloaded",
              ServingState::unloaded,
              List.of(COLD, COLD, UNLOADED, UNLOADED, UNLOADED)),
          new Row(
              "degraded by trouble",
              s -> s.degradedWhen(true),
              List.of(COLD, LOADING, DEGRADED, DEGRADED, UNLOADED)),
          new Row(
              "seen without trouble",
              s -> s.degradedWhen(false),
              List.of(COLD, LOADING, READY, DEGRADED, UNLOADED)),
          new Row(
              "reported",
              ServingState::reported,
              List.of(LOADING, LOADING, READY, DEGRADED, LOADING)));

  @Test
  void theTableCoversEveryState() {
    assertThat(EnumSet.copyOf(FROM)).isEqualTo(EnumSet.allOf(ServingState.class));
  }

  @Test
  void everyEventLeadsWhereTheTableSays() {
    for (Row row : TABLE) {
      for (int i = 0; i < FROM.size(); i++) {
        assertThat(row.step().apply(FROM.get(i)))
            .as(FROM.get(i) + " " + row.event())
            .isEqualTo(row.to().get(i));
      }
    }
  }

  @Test
  void aModelIsWantedFromItsDemandUntilItIsLetGo() {
    assertThat(Arrays.stream(ServingState.values()).filter(ServingState::wanted))
        .containsExactly(LOADING, READY, DEGRADED);
    assertThat(COLD.demanded().served().unloaded().wanted()).isFalse();
    assertThat(UNLOADED.demanded().wanted()).isTrue();
  }

  @Test
  void aLoadAfterAnUnloadIsLoadingUntilItServesAgain() {
    ServingState reloading = READY.unloaded().demanded();
    assertThat(reloading).isEqualTo(LOADING);
    assertThat(reloading.served()).isEqualTo(READY);
  }

  @Test
  void theWireSpellsTheStatesAsEver() {
    assertThat(Arrays.stream(ServingState.values()).map(ServingState::wire))
        .containsExactly("COLD", "LOADING", "READY", "DEGRADED", "UNLOADED");
  }
}
