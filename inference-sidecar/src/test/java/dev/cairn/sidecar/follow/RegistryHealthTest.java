package dev.cairn.sidecar.follow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnApiException;
import dev.cairn.sidecar.testing.LogLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** 401 and 403 from the registry are named, and cleared by the next accepted call. */
class RegistryHealthTest {

  @Test
  void refusalsAreNamedUntilACallSucceeds() {
    RegistryHealth health = new RegistryHealth(URI.create("http://registry:8080"));
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

  @Test
  void logsEachConnectivityChangeOnceAndAnErrorAnswerIsNoOutage() {
    RegistryHealth health = new RegistryHealth(URI.create("http://registry:8080"));
    try (LogLines log = LogLines.of(RegistryHealth.class)) {
      health.accepted();
      health.failed(new CairnApiException(404, "PROJECT_NOT_FOUND", "no project", null));
      assertThat(log.lines()).as("a first contact and an error answer are no change").isEmpty();

      UncheckedIOException refused =
          new UncheckedIOException(new ConnectException("Connection refused"));
      health.failed(refused);
      health.failed(refused);
      health.failed(new UncheckedIOException(new IOException("reset")));
      health.failed(new CairnApiException(404, "MODEL_NOT_FOUND", "no model", null));
      health.failed(refused);
      health.accepted();
      assertThat(log.lines())
          .containsExactly(
              "WARNING the registry at http://registry:8080 does not answer (ConnectException:"
                  + " Connection refused); serving what is loaded, retrying",
              "INFO the registry at http://registry:8080 answers again",
              "WARNING the registry at http://registry:8080 does not answer (ConnectException:"
                  + " Connection refused); serving what is loaded, retrying",
              "INFO the registry at http://registry:8080 answers again");
    }
  }
}
