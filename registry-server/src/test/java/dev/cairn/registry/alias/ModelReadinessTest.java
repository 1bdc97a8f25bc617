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

  @Test
  void missingNamesOnlyVariantsWithNothingToPointAt() {
    // Issue 25, item 17: at INACTIVE every mode was listed as missing.
    Set<String> pointed = Set.of("LOW");
    Set<String> ready = Set.of("LOW", "MID");

    assertThat(ModelReadiness.missing(MODES, pointed, ready)).containsExactly("HIGH");
    assertThat(ModelReadiness.inactive(MODES, pointed, ready)).containsExactly("MID");
    assertThat(ModelReadiness.missing(MODES, Set.of(), Set.copyOf(MODES))).isEmpty();
    assertThat(ModelReadiness.inactive(MODES, Set.of(), Set.copyOf(MODES)))
        .containsExactlyElementsOf(MODES);
  }

  @Test
  void aPointedVariantIsNeitherMissingNorInactive() {
    // Its version may have failed since; the alias still points at it.
    Set<String> pointed = Set.of("LOW");
    Set<String> ready = Set.of("MID", "HIGH");

    assertThat(ModelReadiness.missing(MODES, pointed, ready)).isEmpty();
    assertThat(ModelReadiness.of(false, MODES, pointed, ready)).isEqualTo(ModelReadiness.INACTIVE);
  }
}
