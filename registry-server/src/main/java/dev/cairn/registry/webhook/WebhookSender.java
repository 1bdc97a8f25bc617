package dev.cairn.registry.webhook;

import dev.cairn.registry.artifact.GuardedDns;
import dev.cairn.registry.artifact.ReferenceAddresses;
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
 * most 4 KiB of the answer's body read.
 */
final class WebhookSender implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(15);
  static final int EXCERPT_BYTES = 4096;
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

  WebhookSender(ReferenceAddresses addresses) {
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
                    .setMaxConnPerRoute(8)
                    .build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
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
    try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
      String excerpt = "";
      if (response.getEntity() != null) {
        try (InputStream body = response.getEntity().getContent()) {
          excerpt = new String(body.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8);
        }
      }
      return new Outcome(
          response.getCode(),
          since(start),
          excerpt,
          null,
          retryAfter(response.getFirstHeader("Retry-After")));
    } catch (IOException | RuntimeException e) {
      // The class name only: messages can carry addresses the endpoint's owner should not learn.
      return new Outcome(
          0, since(start), null, e.getClass().getSimpleName(), Optional.<Duration>empty());
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
    client.close();
  }
}
