package dev.cairn.client.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StartupFailureTest {

  @Test
  void ourOwnMessagesAreUsedAsTheyAre() {
    assertThat(StartupFailure.describe(new IllegalArgumentException("CAIRN_X is required")))
        .isEqualTo("CAIRN_X is required");
  }

  @Test
  void aWrapperIsFollowedByItsRootCause() {
    Exception failure =
        new RuntimeException(
            "Error starting operator",
            new IllegalStateException(
                "Couldn't start source", new UnknownHostException("kubernetes.default.svc")));

    assertThat(StartupFailure.describe(failure))
        .isEqualTo(
            "Error starting operator (RuntimeException): kubernetes.default.svc"
                + " (UnknownHostException)");
  }

  /**
   * A refused connection carries no message in the JDK: the line names it in words, as {@code
   * ErrorText} does for every other one-line error, instead of ending at the wrapper.
   */
  @Test
  void aMessagelessNetworkCauseIsNamedInWords() {
    Exception refused =
        new RuntimeException("Error starting", new UncheckedIOException(new ConnectException()));

    assertThat(StartupFailure.describe(refused))
        .isEqualTo("Error starting (RuntimeException): connection refused");
    assertThat(StartupFailure.describe(new RuntimeException(new ClosedChannelException())))
        .isEqualTo("connection closed");
  }

  @Test
  void aBindFailureSaysTheAddressIsInUse() {
    Exception failure =
        new UncheckedIOException(
            "Failed to start server", new BindException("Address already in use"));

    assertThat(StartupFailure.describe(failure)).contains("already in use");
  }

  @Test
  void theLineIsOneLine() {
    assertThat(StartupFailure.line("cairn-x", "first\n  second\r\nthird"))
        .isEqualTo("cairn-x: cannot start: first second third");
  }

  @Test
  void unknownVariablesIgnoreServiceLinks() {
    Map<String, String> env =
        Map.of(
            "CAIRN_PORT", "8080",
            "CAIRN_DB_URLL", "jdbc:postgresql://db/x",
            "CAIRN_CAIRN_REGISTRY_SERVICE_HOST", "10.0.0.1",
            "CAIRN_CAIRN_REGISTRY_PORT_8080_TCP_ADDR", "10.0.0.1",
            "CAIRN_CAIRN_REGISTRY_PORT", "tcp://10.0.0.1:8080",
            "PATH", "/bin");

    assertThat(UnknownVariables.in(env, Set.of("CAIRN_PORT"))).containsExactly("CAIRN_DB_URLL");
  }
}
