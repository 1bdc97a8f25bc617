package dev.cairn.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.cairn.operator.modelactivation.ModelActivationPhase;
import dev.cairn.operator.modelactivation.ModelActivationStatus;
import dev.cairn.operator.modelversion.ModelVersionPhase;
import dev.cairn.operator.modelversion.ModelVersionStatus;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 27, item 2: a status phase is set only through its kind's enum, and the enum is exactly the
 * list the CRD documents for {@code status.phase} (kubectl users read that description).
 */
class PhaseNamesTest {

  @Test
  void modelVersionPhasesAreTheDocumentedOnes() {
    assertThat(documented(ModelVersionStatus.class))
        .containsExactlyElementsOf(
            Arrays.stream(ModelVersionPhase.values()).map(ModelVersionPhase::wire).toList());
  }

  @Test
  void modelActivationPhasesAreTheDocumentedOnes() {
    assertThat(documented(ModelActivationStatus.class))
        .containsExactlyElementsOf(
            Arrays.stream(ModelActivationPhase.values()).map(ModelActivationPhase::wire).toList());
  }

  @Test
  void aStatusCarriesThePhaseItWasGivenAndKnowsIt() {
    ModelVersionStatus verified =
        ModelVersionStatus.initial().withPhase(ModelVersionPhase.VERIFIED, 3);
    assertThat(verified.phase()).isEqualTo("Verified");
    assertThat(ModelVersionPhase.VERIFIED.of(verified)).isTrue();
    assertThat(ModelVersionPhase.VERIFYING.of(verified)).isFalse();
    assertThat(ModelVersionPhase.VERIFIED.of(null)).isFalse();
    assertThat(ModelVersionPhase.shown(null)).isEqualTo("Pending");
    assertThat(ModelVersionPhase.shown(ModelVersionStatus.initial())).isEqualTo("Pending");

    ModelActivationStatus conflict =
        ModelActivationStatus.initial().withPhase(ModelActivationPhase.CONFLICT, 2);
    assertThat(conflict.phase()).isEqualTo("Conflict");
    assertThat(conflict.observedGeneration()).isEqualTo(2L);
    assertThat(ModelActivationPhase.CONFLICT.of(conflict)).isTrue();
    assertThat(ModelActivationPhase.ACTIVE.of(conflict)).isFalse();
  }

  /** The phases listed in {@code status.phase}'s description: "A, B, C or D." */
  private static List<String> documented(Class<? extends Record> status) {
    String text;
    try {
      text = status.getDeclaredField("phase").getAnnotation(JsonPropertyDescription.class).value();
    } catch (NoSuchFieldException e) {
      throw new AssertionError(status.getSimpleName() + " has no phase", e);
    }
    return Arrays.stream(text.replace(".", "").split(",| or "))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
