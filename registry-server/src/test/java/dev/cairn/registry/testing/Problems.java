package dev.cairn.registry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.CairnApiException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the registry's problem answers as the client throws them. */
public final class Problems {

  private Problems() {}

  /** {@code call} fails with a problem whose stable code is {@code code}. */
  public static void expectCode(String code, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(CairnApiException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
