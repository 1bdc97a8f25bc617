package dev.cairn.client;

import dev.cairn.client.signing.RequestSignature;
import dev.cairn.client.signing.SigningKey;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * How a request says who sends it: a bearer token, a signature by a pre-shared key (spec 75-cli,
 * "Offline installers"), or nothing (public endpoints).
 */
sealed interface Credentials {

  /** Adds what proves the sender to {@code request}, given its method, URI, headers and body. */
  void apply(
      HttpRequest.Builder request,
      String method,
      URI uri,
      Map<String, String> headers,
      HttpRequest.BodyPublisher body);

  static Credentials bearer(String token) {
    return token == null ? new Anonymous() : new Bearer(token);
  }

  record Anonymous() implements Credentials {
    @Override
    public void apply(
        HttpRequest.Builder request,
        String method,
        URI uri,
        Map<String, String> headers,
        HttpRequest.BodyPublisher body) {}
  }

  record Bearer(String token) implements Credentials {
    @Override
    public void apply(
        HttpRequest.Builder request,
        String method,
        URI uri,
        Map<String, String> headers,
        HttpRequest.BodyPublisher body) {
      request.header("Authorization", "Bearer " + token);
    }

    @Override
    public String toString() {
      return "Bearer[…]";
    }
  }

  /**
   * Signs method, path, query, date and the body's SHA-256: the digest a caller announces in {@code
   * X-Checksum-Sha256} (file uploads), or one computed by reading the body once more.
   */
  record Signed(SigningKey key, Clock clock) implements Credentials {
    @Override
    public void apply(
        HttpRequest.Builder request,
        String method,
        URI uri,
        Map<String, String> headers,
        HttpRequest.BodyPublisher body) {
      String digest =
          headers.entrySet().stream()
              .filter(h -> h.getKey().equalsIgnoreCase(RequestSignature.DIGEST_HEADER))
              .map(h -> h.getValue().toLowerCase(java.util.Locale.ROOT))
              .findFirst()
              .orElseGet(() -> BodyDigest.sha256(body));
      String date = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
      String signature =
          RequestSignature.hmac(
              key.secretBytes(),
              RequestSignature.canonical(
                  method, uri.getRawPath(), uri.getRawQuery(), date, digest));
      request.header(RequestSignature.DATE_HEADER, date);
      if (headers.keySet().stream()
          .noneMatch(h -> h.equalsIgnoreCase(RequestSignature.DIGEST_HEADER))) {
        request.header(RequestSignature.DIGEST_HEADER, digest);
      }
      request.header(
          "Authorization",
          new RequestSignature.Header(key.keyId(), RequestSignature.SIGNED_HEADERS, signature)
              .value());
    }
  }
}
