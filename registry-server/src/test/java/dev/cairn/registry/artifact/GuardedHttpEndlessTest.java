package dev.cairn.registry.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.config.AddressRange;
import dev.cairn.registry.testing.EndlessAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Review 12 item 2: a hostile OCI source or reference host that never stops sending must not hold
 * the fetching thread or a pooled connection. Before: closing a body HttpClient had not read to the
 * end drained it (for an endless body, for ever), and per-read timeouts bounded nothing. Now a body
 * closed early is aborted, and an answer read whole (manifest, token, challenge) has a total
 * deadline.
 */
class GuardedHttpEndlessTest {

  private GuardedHttp http;

  @BeforeEach
  void client() {
    http =
        new GuardedHttp(
            new ReferenceAddresses(List.of(AddressRange.parse("127.0.0.1/32")), false),
            Duration.ofSeconds(2));
  }

  @AfterEach
  void close() throws IOException {
    http.close();
  }

  @Test
  void anEndlessManifestIsRefusedAtItsLimitAndNotDrained() throws IOException {
    try (EndlessAnswer endless = new EndlessAnswer("127.0.0.1", 200, 8192, Duration.ZERO)) {
      OciPuller puller =
          new OciPuller(
              http,
              new ObjectMapper(),
              OciSource.parse("oci+http://127.0.0.1:" + endless.port() + "/team/model:v1"),
              Optional.empty(),
              true);
      long start = System.nanoTime();
      assertThatThrownBy(() -> puller.manifest(64 * 1024))
          .isInstanceOf(OciPuller.ManifestTooLargeException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      await().atMost(Duration.ofSeconds(5)).until(() -> endless.open() == 0);
      assertThat(endless.sent()).as("bytes the source got to send").isLessThan(16L << 20);
    }
  }

  @Test
  void aReferenceClosedPastItsSizeIsAbortedNotDrained() throws IOException {
    try (EndlessAnswer endless = new EndlessAnswer("127.0.0.1", 200, 8192, Duration.ZERO)) {
      long start = System.nanoTime();
      try (InputStream in = http.open(URI.create("http://127.0.0.1:" + endless.port() + "/f"))) {
        // As a staging reader does: its pinned size and one byte more, then close.
        assertThat(in.readNBytes(100_001)).hasSize(100_001);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      await().atMost(Duration.ofSeconds(5)).until(() -> endless.open() == 0);
    }
  }

  @Test
  void aTricklingAnswerEndsAtTheExchangeDeadline() {
    // 1 byte every 100 ms meets every 30 s read timeout; only the total deadline ends it.
    try (EndlessAnswer trickle = new EndlessAnswer("127.0.0.1", 401, 1, Duration.ofMillis(100))) {
      long start = System.nanoTime();
      assertThatThrownBy(
              () -> {
                try (GuardedHttp.Answer answer =
                    http.get(URI.create("http://127.0.0.1:" + trickle.port() + "/t"), Map.of())) {
                  answer.body().readNBytes(64 * 1024);
                }
              })
          .isInstanceOf(IOException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isBetween(Duration.ofMillis(1500), Duration.ofSeconds(5));
      await().atMost(Duration.ofSeconds(5)).until(() -> trickle.open() == 0);
    }
  }

  @Test
  void aStreamedBodyOutlivesTheExchangeDeadline() throws IOException {
    // A blob or reference stream may take long legitimately: only the answer is bounded.
    try (EndlessAnswer slow = new EndlessAnswer("127.0.0.1", 200, 1024, Duration.ofMillis(100))) {
      try (InputStream in = http.open(URI.create("http://127.0.0.1:" + slow.port() + "/big"))) {
        assertThat(in.readNBytes(30 * 1024)).hasSize(30 * 1024); // ~3 s, past the 2 s deadline
      }
    }
  }
}
