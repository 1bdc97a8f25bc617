package dev.cairn.registry.alias;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelReadinessTest {

  private static final List<String> MODES = List.of("LOW", "MID", "HIGH");

  @Test
  void archivedWinsOverEverything() {
    assertThat(ModelReadiness.of(true, MODES, Set.copyOf(MODES), Set.copyOf(MODES)))
        .isEqualTo(ModelReadiness.ARCHIVED);
  }

  @Test
  void activeWhenTheAliasCoversEveryVariant() {
    assertThat(ModelReadiness.of(false, MODES, Set.copyOf(MODES), Set.of()))
        .isEqualTo(ModelReadiness.ACTIVE);
  }

  @Test
  void incompleteWhileAVariantHasNoReadyVersion() {
    assertThat(ModelReadiness.of(false, MODES, Set.of("LOW"), Set.of("LOW", "MID")))
        .isEqualTo(ModelReadiness.INCOMPLETE);
  }

  @Test
  void inactiveWhenEverythingCouldBeActivatedButIsNot() {
    assertThat(ModelReadiness.of(false, MODES, Set.of("LOW"), Set.copyOf(MODES)))
        .isEqualTo(ModelReadiness.INACTIVE);
  }
}
