package dev.cairn.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Issue 25 item 12: a failure in words never reads "…: null" or a bare exception class. */
class ErrorTextTest {

  @Test
  void namesTheJdksSilentNetworkFailures() {
    assertThat(ErrorText.of(new ConnectException())).isEqualTo("connection refused");
    assertThat(ErrorText.of(new ClosedChannelException())).isEqualTo("connection closed");
    assertThat(ErrorText.of(new IOException("closed"))).isEqualTo("connection closed");
    assertThat(ErrorText.of(new UnknownHostException("registry.invalid")))
        .isEqualTo("unknown host registry.invalid");
  }

  @Test
  void skipsWrappersThatOnlyRepeatTheirCause() {
    assertThat(ErrorText.of(new UncheckedIOException(new IOException("disk full"))))
        .isEqualTo("disk full");
    assertThat(ErrorText.of(new ExecutionException(new ConnectException())))
        .isEqualTo("connection refused");
    assertThat(ErrorText.of(new IllegalStateException("upload of a.bin failed", new IOException())))
        .isEqualTo("upload of a.bin failed");
  }

  @Test
  void aFailureWithoutAnyMessageIsNamedByItsKind() {
    assertThat(ErrorText.of(new NullPointerException())).isEqualTo("NullPointerException");
    assertThat(ErrorText.of(new RuntimeException("two\nlines"))).isEqualTo("two lines");
  }

  @Test
  void aRegistryThatRefusesTheConnectionIsNamedSo() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    CairnClient client = CairnClient.create(URI.create("http://127.0.0.1:" + closed), "t");

    assertThatThrownBy(() -> client.projects().get("p"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("registry unreachable at http://127.0.0.1:" + closed + ": connection refused");
  }
}
