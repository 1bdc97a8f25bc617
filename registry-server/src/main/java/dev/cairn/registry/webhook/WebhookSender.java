package dev.cairn.registry.webhook;

import dev.cairn.registry.artifact.GuardedDns;
import dev.cairn.registry.artifact.ReferenceAddresses;
import dev.cairn.registry.artifact.RequestDeadlines;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one attempt: a POST through a resolver that refuses addresses {@link ReferenceAddresses}
 * does not permit, checked on the connection actually made (as references are). No redirects (a 3xx
 * is an unsuccessful answer), no retries of its own, 15 s to connect and 15 s for the answer, at
 * most 4 KiB (and one byte to see the end) of the answer's body read. An answer that goes on past
 * that is not drained: its connection is aborted, so a receiver that never stops sending holds
 * nothing. Every attempt ends within {@link #DEADLINE} whatever the receiver does, well inside the
 * lease ({@link DeliveryQueue#LEASE}), so no second attempt of the row can start while this one
 * runs.
 */
final class WebhookSender implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(15);
  static final int EXCERPT_BYTES = 4096;

  /** The whole attempt: waiting for a connection, connecting, sending and reading the excerpt. */
  static final Duration DEADLINE = Duration.ofSeconds(30);

  /**
   * Attempts to one endpoint (one route) at a time on a replica; the worker claims no more than
   * this per endpoint either, so rows do not queue here for a connection while their lease runs.
   */
  static final int PER_ENDPOINT = 8;

  /** How long an attempt may wait for a pooled connection, well under {@link #DEADLINE}. */
  static final Duration CONNECTION_WAIT = Duration.ofSeconds(5);

  private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

  /** What an attempt came to: a status (0 when no answer came), its excerpt or the error. */
  record Outcome(
      int status, Duration latency, String excerpt, String error, Optional<Duration> retryAfter) {

    boolean delivered() {
      return status >= 200 && status < 300;
    }

    boolean gone() {
      return status == 410;
    }
  }

  private final CloseableHttpClient client;
  private final RequestDeadlines deadlines = new RequestDeadlines("cairn-webhook-deadlines");
  private final Duration deadline;

  WebhookSender(ReferenceAddresses addresses) {
    this(addresses, DEADLINE);
  }

  /** With another total deadline: tests that must not wait 30 s for one. */
  WebhookSender(ReferenceAddresses addresses, Duration deadline) {
    this.deadline = deadline;
    DnsResolver resolver =
        new GuardedDns(
            addresses,
            (host, address) ->
                new UnknownHostException(host + " is not an allowed webhook target"));
    Timeout timeout = Timeout.ofSeconds(TIMEOUT.toSeconds());
    client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(resolver)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(timeout)
                            .setSocketTimeout(timeout)
                            .build())
                    .setMaxConnTotal(64)
                    .setMaxConnPerRoute(PER_ENDPOINT)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setResponseTimeout(timeout)
                    .setConnectionRequestTimeout(Timeout.ofSeconds(CONNECTION_WAIT.toSeconds()))
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .setUserAgent("Cairn-Webhooks/1")
            .build();
  }

  Outcome send(String url, SignedRequest request) {
    long start = System.nanoTime();
    HttpPost post = new HttpPost(URI.create(url));
    request.headers().forEach(post::setHeader);
    post.setEntity(new ByteArrayEntity(request.body(), ContentType.APPLICATION_JSON));
    RequestDeadlines.Armed armed = deadlines.arm(post, deadline);
    try (armed) {
      ClassicHttpResponse response = client.executeOpen(null, post, null);
      try {
        String excerpt = response.getEntity() == null ? "" : excerpt(post, response);
        return new Outcome(
            response.getCode(),
            since(start),
            excerpt,
            null,
            retryAfter(response.getFirstHeader("Retry-After")));
      } finally {
        closeQuietly(response);
      }
    } catch (IOException | RuntimeException e) {
      // The class name only: messages can carry addresses the endpoint's owner should not learn.
      String error = armed.fired() ? "DeadlineExceeded" : e.getClass().getSimpleName();
      return new Outcome(0, since(start), null, error, Optional.<Duration>empty());
    }
  }

  /**
   * At most {@link #EXCERPT_BYTES} of the answer as storable text. A body that goes on past them is
   * not read on: closing its stream would drain it to the end (so the connection could be reused),
   * which for an endless body is never, so the request is aborted instead.
   */
  private static String excerpt(HttpPost post, ClassicHttpResponse response) throws IOException {
    InputStream body = response.getEntity().getContent();
    byte[] bytes = body.readNBytes(EXCERPT_BYTES);
    if (body.read() == -1) {
      body.close();
    } else {
      post.abort();
    }
    return storable(bytes);
  }

  /**
   * Text PostgreSQL can store: invalid UTF-8 (a binary answer, a character cut at 4 KiB) becomes
   * U+FFFD by the decoder, and so does NUL, which a {@code text} column refuses, failing the whole
   * record of the attempt.
   */
  static String storable(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException e) {
      // After an abort the close fails on the closed socket: the connection is gone either way.
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** {@code Retry-After} in seconds or as an HTTP date, at most a day. */
  static Optional<Duration> retryAfter(Header header) {
    if (header == null) {
      return Optional.empty();
    }
    String value = header.getValue().trim();
    Duration after;
    try {
      after = Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException e) {
      try {
        after =
            Duration.between(
                Instant.now(),
                ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
    if (after.isNegative()) {
      return Optional.of(Duration.ZERO);
    }
    return Optional.of(after.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : after);
  }

  @Override
  public void close() throws IOException {
    deadlines.close();
    client.close();
  }
}
