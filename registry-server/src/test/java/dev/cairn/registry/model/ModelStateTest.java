package dev.cairn.registry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.registry.domain.ApiException;
import org.junit.jupiter.api.Test;

class ModelStateTest {

  @Test
  void parsesTheTwoStatesAndRefusesOthers() {
    assertThat(ModelState.parse("LIVE")).isEqualTo(ModelState.LIVE);
    assertThat(ModelState.parse("ARCHIVED")).isEqualTo(ModelState.ARCHIVED);
    assertThatThrownBy(() -> ModelState.parse("archived"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("LIVE or ARCHIVED");
  }
}
