package dev.cairn.client;

import dev.cairn.client.signing.RequestSignature;
import dev.cairn.client.signing.SigningKey;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

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
   * Signs method, path, query, date, a fresh nonce, the body's SHA-256 (the digest a caller
   * announces in {@code X-Checksum-Sha256} for file uploads, or one computed by reading the body
   * once more) and whichever of {@code Content-Type}, {@code Idempotency-Key} and {@code If-Match}
   * the request carries.
   */
  record Signed(SigningKey key, Clock clock) implements Credentials {
    @Override
    public void apply(
        HttpRequest.Builder request,
        String method,
        URI uri,
        Map<String, String> headers,
        HttpRequest.BodyPublisher body) {
      Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      byName.putAll(headers);
      String digest =
          Optional.ofNullable(byName.get(RequestSignature.DIGEST_HEADER))
              .map(d -> d.toLowerCase(Locale.ROOT))
              .orElseGet(() -> BodyDigest.sha256(body));
      String date = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
      String nonce = RequestSignature.newNonce();
      SortedMap<String, String> signed = new TreeMap<>();
      for (String name : RequestSignature.SIGNED_WHEN_SENT) {
        if (byName.containsKey(name)) {
          signed.put(name, byName.get(name));
        }
      }
      signed.put("x-cairn-date", date);
      signed.put("x-cairn-nonce", nonce);
      signed.put("x-checksum-sha256", digest);
      String signature =
          RequestSignature.hmac(
              key.secretBytes(),
              RequestSignature.canonical(method, uri.getRawPath(), uri.getRawQuery(), signed));
      request.header(RequestSignature.DATE_HEADER, date);
      request.header(RequestSignature.NONCE_HEADER, nonce);
      if (!byName.containsKey(RequestSignature.DIGEST_HEADER)) {
        request.header(RequestSignature.DIGEST_HEADER, digest);
      }
      request.header(
          "Authorization",
          new RequestSignature.Header(
                  key.keyId(), RequestSignature.signedHeaders(signed.keySet()), signature)
              .value());
    }
  }
}
