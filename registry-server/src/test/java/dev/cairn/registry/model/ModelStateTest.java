package dev.cairn.registry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.registry.domain.ApiException;
import org.junit.jupiter.api.Test;

class ModelStateTest {

  @Test
  void parsesTheThreeStatesAndRefusesOthers() {
    assertThat(ModelState.parse("LIVE")).isEqualTo(ModelState.LIVE);
    assertThat(ModelState.parse("ARCHIVED")).isEqualTo(ModelState.ARCHIVED);
    assertThat(ModelState.parse("DELETED")).isEqualTo(ModelState.DELETED);
    assertThatThrownBy(() -> ModelState.parse("archived"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("LIVE, ARCHIVED or DELETED");
  }

  @Test
  void aPatchSetsLiveOrArchivedButNeverDeleted() {
    assertThat(ModelState.settable("ARCHIVED")).isEqualTo(ModelState.ARCHIVED);
    assertThatThrownBy(() -> ModelState.settable("DELETED"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("DELETE");
  }
}
