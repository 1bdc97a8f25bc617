package dev.cairn.sidecar.follow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 401 and 403 from the registry are named, and cleared by the next accepted call. */
class RegistryHealthTest {

  @Test
  void refusalsAreNamedUntilACallSucceeds() {
    RegistryHealth health = new RegistryHealth();
    assertThat(health.refusal()).isNull();

    health.answered(403);
    assertThat(health.refusal()).isEqualTo("REGISTRY_FORBIDDEN");
    health.answered(500);
    assertThat(health.refusal()).isEqualTo("REGISTRY_FORBIDDEN");
    health.answered(401);
    assertThat(health.refusal()).isEqualTo("REGISTRY_UNAUTHORIZED");
    health.answered(200);
    assertThat(health.refusal()).isNull();
  }
}
