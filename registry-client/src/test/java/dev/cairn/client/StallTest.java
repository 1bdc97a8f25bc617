package dev.cairn.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, Failure handling: a body that stopped sending blocked its reader for ever (the request
 * timeout ends with the headers), and an event stream that went silent was never noticed.
 */
class StallTest {

  @Test
  void aDownloadThatStallsEndsWithinTheTimeout() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      Thread.ofVirtual()
          .start(() -> answer(server, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789"));
      CairnClient client =
          CairnClient.create(
              HttpClient.newHttpClient(),
              URI.create("http://127.0.0.1:" + server.getLocalPort()),
              "t",
              Duration.ofSeconds(1));
      long started = System.nanoTime();

      assertThatThrownBy(
              () ->
                  client.versions().download("p", "m", "v1", "w.bin", new ByteArrayOutputStream()))
          .isInstanceOf(UncheckedIOException.class)
          .hasCauseInstanceOf(StallGuard.Stalled.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }
  }

  @Test
  void anEventStreamSilentForTwoAnnouncedHeartbeatsIsReopened() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0)) {
      Thread.ofVirtual()
          .start(
              () -> {
                while (!server.isClosed()) {
                  connections.incrementAndGet();
                  answer(
                      server,
                      "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                          + "Connection: close\r\n\r\n: heartbeat 1 s\n\n");
                }
              });
      try (EventSubscriber subscriber =
          EventSubscriber.start(
              URI.create("http://127.0.0.1:" + server.getLocalPort()),
              "t",
              "qc",
              List.of(),
              -1,
              e -> {})) {
        await().atMost(Duration.ofSeconds(2)).until(subscriber::connected);
        long opened = System.nanoTime();

        await().atMost(Duration.ofSeconds(6)).until(() -> !subscriber.connected());

        assertThat(Duration.ofNanos(System.nanoTime() - opened))
            .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        await().atMost(Duration.ofSeconds(6)).until(() -> connections.get() >= 2);
      }
    }
  }

  /** Accepts one connection, reads the request, writes {@code response}, then stays silent. */
  private static void answer(ServerSocket server, String response) {
    try {
      Socket socket = server.accept();
      socket.getInputStream().read(new byte[4096]);
      OutputStream out = socket.getOutputStream();
      out.write(response.getBytes(StandardCharsets.UTF_8));
      out.flush();
      Thread.ofVirtual()
          .start(
              () -> {
                try (socket) {
                  Thread.sleep(30_000);
                } catch (IOException | InterruptedException e) {
                  // the test is over
                }
              });
    } catch (IOException e) {
      // the server socket was closed: the test is over
    }
  }
}
