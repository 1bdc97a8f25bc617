package dev.cairn.registry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.client.model.Model;
import dev.cairn.registry.domain.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule of a one-call model delete (issue 25, item 16), decided from facts alone. */
class DeletionPolicyTest {

  private static final Model LIVE =
      new Model(
          "id",
          "m",
          "qc",
          null,
          null,
          Map.of(),
          List.of("LOW", "HIGH"),
          "LOW",
          List.of(),
          "LIVE",
          Instant.EPOCH,
          "carol",
          Instant.EPOCH);
  private static final Map<String, Map<String, String>> PRODUCTION =
      Map.of("production", Map.of("LOW", "v1", "HIGH", "v2"));

  @Test
  void aModelNoAliasPointsAtIsDeletedWithOrWithoutAReason() {
    assertThat(decide(Map.of(), null, false).forced()).isFalse();
    assertThat(decide(Map.of(), "cleanup", true).forced()).isFalse();
  }

  @Test
  void anAliasInUseRefusesTheDeleteNamingItAndItsPointers() {
    ApiException refused =
        catchThrowableOfType(ApiException.class, () -> decide(PRODUCTION, "cleanup", false));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.code()).isEqualTo("VERSION_IN_USE");
    assertThat(refused.detail()).contains("production").contains("v1").contains("v2");
    assertThat(refused.members()).containsEntry("aliases", List.of("production"));
  }

  @Test
  void forceNeedsAReasonAndRecordsWhatItDeletedOver() {
    assertThat(
            catchThrowableOfType(ApiException.class, () -> decide(PRODUCTION, null, true)).code())
        .isEqualTo("BAD_REQUEST");
    assertThat(decide(PRODUCTION, "line retired", true).forcedOver()).isEqualTo(PRODUCTION);
  }

  private static DeletionPolicy.Decision decide(
      Map<String, Map<String, String>> inUse, String reason, boolean force) {
    return DeletionPolicy.decide(new DeletionPolicy.Facts(LIVE, inUse, reason, force));
  }
}
